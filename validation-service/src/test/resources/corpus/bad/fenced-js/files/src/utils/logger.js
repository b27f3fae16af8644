```javascript
'use strict';
module.exports = { info: (m) => console.log(m) };
```
