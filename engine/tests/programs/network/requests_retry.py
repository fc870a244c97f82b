# Retrying a failing endpoint, with the attempts counted.
import requests


def fetch_with_retries(url, attempts):
    for attempt in range(1, attempts + 1):
        try:
            r = requests.get(url, timeout=3)
            r.raise_for_status()
            return r
        except requests.HTTPError as e:
            print(f"attempt {attempt}: {e.response.status_code}")
    return None


print(fetch_with_retries("http://httpbin.org/status/503", 3))
print(fetch_with_retries("http://httpbin.org/status/200", 3))
