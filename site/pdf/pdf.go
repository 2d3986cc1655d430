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
	if explicit == "" {
		explicit = os.Getenv(EnvChromium)
	}
	if explicit != "" {
		p, err := exec.LookPath(explicit)
		if err != nil {
			return "", fmt.Errorf("%q is not an executable browser: %w", explicit, err)
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

// Papers are the sheet sizes PDFs can be printed on, by name.
var Papers = map[string]Paper{
	"a4":     {Name: "A4", Width: 210 / 25.4, Height: 297 / 25.4},
	"letter": {Name: "Letter", Width: 8.5, Height: 11},
}

// Job is one page to print: an HTML file and the PDF to write.
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

// Print starts one browser and prints every job in turn. Each PDF is written beside its
// target and renamed into place, so a failed run never leaves a half-written file. It stops
// at the first error.
func Print(ctx context.Context, opts Options, jobs []Job) error {
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
		if err := printOne(browser, opts, j); err != nil {
			return fmt.Errorf("%s: %w", j.Page, err)
		}
	}
	return nil
}

func printOne(browser context.Context, opts Options, j Job) error {
	abs, err := filepath.Abs(j.Page)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return err
	}
	tab, cancelTab := chromedp.NewContext(browser)
	defer cancelTab()
	tab, cancelTime := context.WithTimeout(tab, opts.Timeout)
	defer cancelTime()
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(tab, chromedp.Navigate(u.String())); err != nil {
		return err
	}
	// Print once the fonts are in, so that no page is laid out with a fallback font.
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise)); err != nil {
		return err
	}
	data, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperSize{Width: opts.Paper.Width, Height: opts.Paper.Height}),
		chromedp.PDFPrintBackground(),
	))
	if err != nil {
		return err
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		return errors.New("the browser did not return a PDF")
	}
	return writeAtomic(j.Out, data)
}

func writeAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}
