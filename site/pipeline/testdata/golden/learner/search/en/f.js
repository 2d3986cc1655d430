Playbook.searchLoad({"kind":"facets","lang":"en","runs":[0,1,1,1,2,1,7,0,1,8,4,1,13,3,1,19,1,2,20,2,2,22,3,2]});
