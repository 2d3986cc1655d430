Playbook.searchLoad({"kind":"facets","lang":"zh-CN","runs":[0,1,1,1,2,1,7,0,1,8,5,1,13,3,1,19,4,1,20,3,2]});
