import requests

try:
    requests.get("http://127.0.0.1:1/")
except requests.ConnectionError as e:
    print(e)
