import requests

try:
    requests.get("example.com")
except requests.exceptions.MissingSchema as e:
    print(e)
    print(isinstance(e, ValueError))
