with {}; ''
  outer ${''
    inner ${x}
  ''} done
''
