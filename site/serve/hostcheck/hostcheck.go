// Package hostcheck keeps a preview to the names it is served under.
//
// A preview answers only to the names it is served under (Hosts): localhost, 127.0.0.1 and
// [::1] when it listens on a loopback address (the default) or on every address, plus the
// address it was asked to bind to and the names added with --allow-host. Any other Host
// header gets 421 Misdirected Request, on every path, the live-reload event stream included.
// This stops DNS rebinding: a web page whose own domain is made to resolve to 127.0.0.1 would
// otherwise read the preview, answer keys and all, through the browser of the person who has
// it open.
package hostcheck

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"
)

// Hosts is the set of names a preview answers to in a request's Host header. A browser
// sends the name of the site it was asked to open, so refusing every other name stops a web
// page that points a domain of its own at 127.0.0.1 (DNS rebinding) from reading the preview
// through the visitor's browser: answer keys included, in the trainer's edition.
type Hosts struct {
	// names are in the form hostOf gives: lower case, no port, IPv6 without brackets.
	names []string
}

// NewHosts returns the names a server listening on addr answers to. Listening on a loopback
// address, or on every address (0.0.0.0, ::), it answers to localhost, 127.0.0.1 and [::1];
// listening on one other address, to that address. It also answers to bind, the address the
// server was asked to listen on (a name or an IP; empty and wildcard addresses add nothing),
// and to every name of allow. The machine's other names and addresses are deliberately not
// added on their own: the person who exposes the preview names them.
func NewHosts(addr net.Addr, bind string, allow []string) (*Hosts, error) {
	h := &Hosts{}
	if ip, ok := addrIP(addr); ok {
		if ip.IsLoopback() || ip.IsUnspecified() {
			h.add("localhost", "127.0.0.1", "::1") // this machine, as seen from itself
		} else {
			h.add(ip.String())
		}
	}
	if bind != "" {
		if ip, err := netip.ParseAddr(strings.Trim(bind, "[]")); err != nil || !ip.IsUnspecified() {
			name, err := HostName(bind)
			if err != nil {
				return nil, fmt.Errorf("--bind %q: %v", bind, err)
			}
			h.add(name)
		}
	}
	for _, a := range allow {
		name, err := HostName(a)
		if err != nil {
			return nil, fmt.Errorf("--allow-host %q: %v", a, err)
		}
		h.add(name)
	}
	return h, nil
}

func (h *Hosts) add(names ...string) {
	for _, n := range names {
		if !slices.Contains(h.names, n) {
			h.names = append(h.names, n)
		}
	}
}

// HostName checks a host name or IP address given to accept in the Host header and returns it
// in the form requests are compared in: lower case, without a port, IPv6 without brackets.
func HostName(s string) (string, error) {
	if strings.ContainsAny(s, "/@ \t") {
		return "", fmt.Errorf("give a host name or IP address alone, without scheme or path (like trainer-laptop.local or 192.168.1.20)")
	}
	if _, port, err := net.SplitHostPort(s); err == nil && strings.Trim(port, "0123456789") != "" {
		return "", fmt.Errorf("port %q is not a number (the port does not matter here; leave it out)", port)
	}
	name := hostOf(s)
	if name == "" {
		return "", fmt.Errorf("give a host name or IP address (like trainer-laptop.local or 192.168.1.20)")
	}
	if ip, err := netip.ParseAddr(name); err == nil {
		if ip.IsUnspecified() {
			return "", fmt.Errorf("%s means every address of the machine, and no browser asks for it; give the name or address the others open", s)
		}
		return name, nil
	}
	if strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-._") != "" {
		return "", fmt.Errorf("a host name has only letters, digits, '-', '_' and '.' (like trainer-laptop.local)")
	}
	return name, nil
}

// hostOf returns the host of a Host header value in the form Hosts keeps: lower case,
// without the port, IPv6 without brackets, IP addresses in their canonical form.
func hostOf(host string) string {
	host = strings.ToLower(host)
	switch {
	case strings.HasPrefix(host, "["):
		end := strings.IndexByte(host, ']')
		if end < 0 {
			return host
		}
		host = host[1:end]
	case strings.Count(host, ":") == 1:
		host, _, _ = strings.Cut(host, ":")
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return ip.Unmap().WithZone("").String()
	}
	return host
}

// addrIP returns the IP address a listener's address holds.
func addrIP(addr net.Addr) (netip.Addr, bool) {
	if addr == nil {
		return netip.Addr{}, false
	}
	host, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return netip.Addr{}, false
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return ip.Unmap().WithZone(""), true
}

// Allows reports whether a request whose Host header is host may be answered. The port is
// ignored and case does not matter; an empty host (an HTTP/1.0 request without the header)
// is refused.
func (h *Hosts) Allows(host string) bool {
	return host != "" && slices.Contains(h.names, hostOf(host))
}

// Names returns the accepted names as they are typed in a browser's address bar (IPv6 in
// brackets).
func (h *Hosts) Names() []string {
	out := make([]string, len(h.names))
	for i, n := range h.names {
		if strings.Contains(n, ":") {
			n = "[" + n + "]"
		}
		out[i] = n
	}
	return out
}

// Guard returns a handler that passes next only the requests h allows, and answers every
// other one, whatever its path, with 421 Misdirected Request and a sentence saying which
// names are accepted and how to add one. It writes the refusals to log (nil: nowhere), a
// line for the first refusal of each name and then at most a line a minute (refusals), so
// that the person running the preview sees a name they forgot to allow, and a flood of
// requests cannot fill the log.
func (h *Hosts) Guard(next http.Handler, log io.Writer) http.Handler {
	refused := newRefusals(log, time.Now)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.Allows(r.Host) {
			refused.refused(r.Host)
			h.refuse(w, r)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (h *Hosts) refuse(w http.ResponseWriter, r *http.Request) {
	asked := "the request names no host (no Host header)"
	if r.Host != "" {
		asked = fmt.Sprintf("the request asked for %q", r.Host)
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusMisdirectedRequest)
	fmt.Fprintf(w, "421 Misdirected Request: this Playbook preview answers only to %s; %s.\n"+
		"To open it by another name or address, start it with --allow-host NAME (once per name).\n",
		strings.Join(h.Names(), ", "), asked)
}

// LocalURL returns the address a browser on this machine opens to reach a server listening
// on addr: for a server listening on every address, 127.0.0.1 (Go listens on both IPv4 and
// IPv6 there, whichever wildcard was asked for).
func LocalURL(addr net.Addr) string {
	host := addr.String()
	if ip, ok := addrIP(addr); ok && ip.IsUnspecified() {
		_, port, _ := net.SplitHostPort(host)
		host = net.JoinHostPort("127.0.0.1", port)
	}
	return "http://" + host + "/"
}
