let x = __curPos; in [ x.line x.column __curPos ]
