import requests

for url in ["http://python.org/", "http://www.example.org/docs/page?x=1", "http://news.ycombinator.com"]:
    r = requests.get(url)
    title = r.text.split("<title>")[1].split("</title>")[0]
    print(r.status_code, title, r.text.count("\n"))
