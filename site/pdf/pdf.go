// Package pdf prints pages of a built site to PDF files with headless Chromium, through its
// DevTools protocol: the print style sheet, the chosen paper, no header or footer.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"

	"playbook/site/output"
)

// EnvChromium names the environment variable that gives the browser's path.
const EnvChromium = "PLAYBOOK_CHROMIUM"

// candidates are the browser names looked for on PATH, in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// ErrNoChromium is returned by FindChromium when no browser was found.
var ErrNoChromium = errors.New("no Chromium found")

// FindChromium returns the browser to use: explicit when not empty, else the value of
// PLAYBOOK_CHROMIUM, else the first of chromium, chromium-browser, google-chrome and
// google-chrome-stable on PATH. The error says what was tried and how to fix it.
func FindChromium(explicit string) (string, error) {
	what := fmt.Sprintf("%q", explicit)
	if explicit == "" {
		explicit = os.Getenv(EnvChromium)
		what = fmt.Sprintf("%s=%q", EnvChromium, explicit)
	}
	if explicit != "" {
		p, err := exec.LookPath(explicit)
		if err != nil {
			return "", fmt.Errorf("%s is not an executable browser: %w", what, err)
		}
		return p, nil
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%w: tried %s on PATH; install Chromium (for example apt-get install -y chromium) or give its path with --chromium PATH", ErrNoChromium, strings.Join(candidates, ", "))
}

// Paper is a sheet size.
type Paper struct {
	Name string
	// Width and Height are in inches, as the DevTools protocol wants them.
	Width, Height float64
}

// PaperNamed returns the sheet size PDFs can be printed on of that name (a4 or letter, in
// any case).
func PaperNamed(name string) (Paper, bool) {
	switch strings.ToLower(name) {
	case "a4":
		return Paper{Name: "A4", Width: 210 / 25.4, Height: 297 / 25.4}, true
	case "letter":
		return Paper{Name: "Letter", Width: 8.5, Height: 11}, true
	}
	return Paper{}, false
}

// Job is one page to print: an HTML file, and where its PDF goes.
type Job struct {
	Page string
	Out  string
}

// Options configures Print.
type Options struct {
	Chromium string
	Paper    Paper
	// Timeout bounds each page (load and print); 0 means 60 seconds.
	Timeout time.Duration
}

// PrintSite writes site into a temporary folder, prints the jobs from it (each job's Page is
// the page's slash-separated path in the site) as Print does, and removes the folder.
func PrintSite(ctx context.Context, opts Options, site *output.Site, jobs []Job, save func(Job, []byte) error) error {
	tmp, err := os.MkdirTemp("", "playbook-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "site")
	if err := output.Write(site, dir); err != nil {
		return err
	}
	files := make([]Job, len(jobs))
	for i, j := range jobs {
		files[i] = Job{Page: filepath.Join(dir, filepath.FromSlash(j.Page)), Out: j.Out}
	}
	return Print(ctx, opts, files, save)
}

// Print starts one browser, prints every job in turn and hands each PDF to save. It stops at
// the first error.
func Print(ctx context.Context, opts Options, jobs []Job, save func(Job, []byte) error) error {
	if opts.Timeout == 0 {
		opts.Timeout = 60 * time.Second
	}
	profile, err := os.MkdirTemp("", "playbook-chromium-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	alloc, cancelAlloc := chromedp.NewExecAllocator(ctx, append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(opts.Chromium),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(profile),
	)...)
	defer cancelAlloc()
	browser, cancelBrowser := chromedp.NewContext(alloc)
	defer cancelBrowser()
	if err := chromedp.Do(browser); err != nil {
		return fmt.Errorf("starting %s: %w", opts.Chromium, err)
	}
	for _, j := range jobs {
		data, err := printOne(browser, opts, j)
		if err == nil {
			err = save(j, data)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", j.Page, err)
		}
	}
	return nil
}

func printOne(browser context.Context, opts Options, j Job) ([]byte, error) {
	abs, err := filepath.Abs(j.Page)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(abs); err != nil {
		return nil, err
	}
	tab, cancelTab := chromedp.NewContext(browser)
	defer cancelTab()
	tab, cancelTime := context.WithTimeout(tab, opts.Timeout)
	defer cancelTime()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(tab, chromedp.Navigate(u.String())); err != nil {
		return nil, err
	}
	// Print once the fonts are in, so that no page is laid out with a fallback font.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return nil, err
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperSize{Width: opts.Paper.Width, Height: opts.Paper.Height}),
		chromedp.PDFPrintBackground(),
	))
	if err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return nil, errors.New("the browser did not return a PDF")
	}
	return data, nil
}
