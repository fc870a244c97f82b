import json
import urllib.parse
import urllib.request

data = urllib.parse.urlencode({"name": "Ada Lovelace", "year": 1843}).encode()
print(data)
req = urllib.request.Request("http://httpbin.org/post", data=data)
print(req.get_method())
with urllib.request.urlopen(req) as resp:
    print(json.loads(resp.read())["data"])
