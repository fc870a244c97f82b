import json
import urllib.request

with urllib.request.urlopen("http://httpbin.org/json") as resp:
    data = json.load(resp) if False else json.loads(resp.read())
print(sorted(data["slideshow"]))
