''
  héllo
  日本
''
