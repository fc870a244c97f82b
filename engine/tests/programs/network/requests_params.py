import requests

r = requests.get("http://httpbin.org/get", params={"q": "python asyncio", "page": 2})
print(r.url)
print(r.json()["args"])
