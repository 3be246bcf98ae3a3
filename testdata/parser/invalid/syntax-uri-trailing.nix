http:
