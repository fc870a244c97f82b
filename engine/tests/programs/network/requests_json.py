import requests

r = requests.get("http://httpbin.org/json")
data = r.json()
print(data["slideshow"]["title"])
for slide in data["slideshow"]["slides"]:
    print("-", slide["title"])
