Playbook.searchLoad({"days":[1,2],"docChunk":12,"docs":23,"facets":true,"fieldGap":1000,"kind":"meta","lang":"en","shards":1,"types":["checklist","day","lesson","quiz","worksheet"],"version":2});
