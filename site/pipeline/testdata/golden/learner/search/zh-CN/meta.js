Playbook.searchLoad({"days":[1,2],"docChunk":12,"docs":20,"facets":true,"fieldGap":1000,"kind":"meta","lang":"zh-CN","shards":1,"types":["checklist","day","lesson","quiz","worksheet"],"version":2});
