//! The simulated network's settings: latency (for any host, per host, and on the loopback between the program's
//! own sockets), bandwidth, and a seeded failure rate
//! for teaching timeouts and retries. Shown for programs that use the network, or once changed; the next Run
//! takes them, and share links carry them.

use interleave::net::NetConfig;
use interleave::trace::Time;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(PartialEq, Properties)]
pub struct NetSettingsProps {
    pub net: NetConfig,
    pub onchange: Callback<NetConfig>,
}

/// Whether a program talks to the network, so the settings are worth showing.
pub fn uses_network(source: &str) -> bool {
    [
        "aiohttp",
        "requests",
        "socket",
        "urllib",
        "open_connection",
        "start_server",
    ]
    .iter()
    .any(|m| source.contains(m))
}

/// Bandwidths offered, in bytes per second, with their names.
const BANDWIDTHS: &[(u64, &str)] = &[
    (7_000, "56 kbit/s modem"),
    (125_000, "1 Mbit/s"),
    (1_250_000, "10 Mbit/s"),
    (10_000_000, "10 MB/s"),
    (125_000_000, "1 Gbit/s"),
];

/// Failure rates offered, per thousand requests to internet hosts.
const FAILURES: &[(u32, &str)] = &[
    (0, "none"),
    (10, "1%"),
    (50, "5%"),
    (100, "10%"),
    (250, "25%"),
    (500, "50%"),
];

const MS: Time = 1_000_000;

/// Host latencies as the learner writes them: `example.com=40, httpbin.org=60` (milliseconds).
pub fn hosts_ms(hosts: &[(String, Time)]) -> String {
    hosts
        .iter()
        .map(|(h, t)| format!("{h}={}", t / MS))
        .collect::<Vec<_>>()
        .join(", ")
}

/// [`hosts_ms`]'s reverse; `None` for text that is not that.
pub fn parse_hosts_ms(text: &str) -> Option<Vec<(String, Time)>> {
    let pairs: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (h, ms) = p.split_once('=')?;
            let ms: u64 = ms.trim().parse().ok().filter(|&ms| ms <= 60_000)?;
            Some(format!("{}={}", h.trim(), ms * MS))
        })
        .collect::<Option<_>>()?;
    interleave::net::parse_hosts(&pairs.join(","))
}

#[function_component(NetSettings)]
pub fn net_settings(props: &NetSettingsProps) -> Html {
    let net = &props.net;
    let update = |f: fn(&mut NetConfig, &str) -> bool| {
        let (net, onchange) = (net.clone(), props.onchange.clone());
        Callback::from(move |e: Event| {
            let value = match e.target_dyn_into::<HtmlSelectElement>() {
                Some(select) => select.value(),
                None => e.target_unchecked_into::<HtmlInputElement>().value(),
            };
            let mut next = net.clone();
            if f(&mut next, &value) && next != net {
                onchange.emit(next);
            }
        })
    };
    let latency = update(|n, v| match v.trim().parse::<u64>() {
        Ok(ms) if ms <= 60_000 => {
            n.latency = ms * MS;
            true
        }
        _ => false,
    });
    let loopback = update(|n, v| match v.trim().parse::<u64>() {
        Ok(ms) if ms <= 60_000 => {
            n.loopback_latency = ms * MS;
            true
        }
        _ => false,
    });
    let hosts = update(|n, v| match parse_hosts_ms(v) {
        Some(h) => {
            n.hosts = h;
            true
        }
        None => false,
    });
    let bandwidth = update(|n, v| v.parse().map(|b| n.bandwidth = b).is_ok());
    let failures = update(|n, v| v.parse().map(|f| n.failure_permille = f).is_ok());
    let seed = update(|n, v| v.trim().parse().map(|s| n.seed = s).is_ok());
    let reset = {
        let onchange = props.onchange.clone();
        Callback::from(move |_: MouseEvent| onchange.emit(NetConfig::default()))
    };
    let mut bandwidths: Vec<(u64, String)> = BANDWIDTHS.iter().map(|&(b, n)| (b, n.to_string())).collect();
    if !bandwidths.iter().any(|b| b.0 == net.bandwidth) {
        bandwidths.push((net.bandwidth, format!("{} bytes/s", net.bandwidth)));
    }
    let mut failure_rates: Vec<(u32, String)> = FAILURES.iter().map(|&(f, n)| (f, n.to_string())).collect();
    if !failure_rates.iter().any(|f| f.0 == net.failure_permille) {
        failure_rates.push((net.failure_permille, format!("{} per 1000", net.failure_permille)));
    }
    let changed = *net != NetConfig::default();
    html! {
        <details class="net-settings" open={changed}>
            <summary>
                { "Simulated network" }
                <span class="net-brief">
                    { format!(
                        " \u{b7} {} ms latency, {}{}",
                        net.latency / MS,
                        bandwidths.iter().find(|b| b.0 == net.bandwidth).map_or("", |b| b.1.as_str()),
                        if net.failure_permille > 0 {
                            format!(", {} failures", failure_rates.iter().find(|f| f.0 == net.failure_permille).map_or("", |f| f.1.as_str()))
                        } else {
                            String::new()
                        }
                    ) }
                </span>
            </summary>
            <div class="net-fields">
                <label title="One-way latency to a host without one of its own">
                    <span>{ "Latency (ms)" }</span>
                    <input type="number" min="0" max="60000" step="10" value={(net.latency / MS).to_string()}
                           onchange={latency} />
                </label>
                <label title="One-way latency between the program's own sockets (127.0.0.1); 0 as on a real loopback">
                    <span>{ "Loopback (ms)" }</span>
                    <input type="number" min="0" max="60000" step="10"
                           value={(net.loopback_latency / MS).to_string()} onchange={loopback} />
                </label>
                <label class="net-hosts" title="One-way latency of particular hosts, in milliseconds">
                    <span>{ "Hosts (ms)" }</span>
                    <input type="text" spellcheck="false" value={hosts_ms(&net.hosts)} onchange={hosts} />
                </label>
                <label>
                    <span>{ "Bandwidth" }</span>
                    <select onchange={bandwidth}>
                        { for bandwidths.iter().map(|(b, name)| html! {
                            <option value={b.to_string()} selected={*b == net.bandwidth}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label title="Requests to internet hosts that time out or get reset, drawn from the seed">
                    <span>{ "Failures" }</span>
                    <select onchange={failures}>
                        { for failure_rates.iter().map(|(f, name)| html! {
                            <option value={f.to_string()} selected={*f == net.failure_permille}>{ name.clone() }</option>
                        }) }
                    </select>
                </label>
                <label title="The same seed fails the same requests">
                    <span>{ "Seed" }</span>
                    <input type="number" min="0" value={net.seed.to_string()} onchange={seed} />
                </label>
                <button type="button" disabled={!changed} onclick={reset}>{ "Defaults" }</button>
                <p class="net-note">{ "The next Run takes these." }</p>
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_latencies_read_back_as_written() {
        let hosts = NetConfig::default().hosts;
        assert_eq!(hosts_ms(&hosts), "example.com=40, httpbin.org=60, python.org=30");
        assert_eq!(parse_hosts_ms(&hosts_ms(&hosts)), Some(hosts));
        assert_eq!(
            parse_hosts_ms(" slow.test = 900 ,"),
            Some(vec![("slow.test".into(), 900 * MS)])
        );
        assert_eq!(parse_hosts_ms(""), Some(vec![]));
        for bad in ["example.com", "example.com=fast", "a=99999999", "=5"] {
            assert_eq!(parse_hosts_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn network_programs_are_told_apart() {
        assert!(uses_network("import aiohttp\n"));
        assert!(uses_network("r, w = await asyncio.open_connection('127.0.0.1', 8888)"));
        assert!(!uses_network("import asyncio\nasyncio.run(main())\n"));
    }
}
