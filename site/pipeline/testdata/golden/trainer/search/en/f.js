Playbook.searchLoad({"kind":"facets","lang":"en","runs":[0,1,1,1,2,1,7,0,1,8,5,1,13,3,1,19,4,1,20,1,2,21,2,2,23,3,2]});
