package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// healthcheck is "osplay healthcheck": it asks a running server's
// /healthz and exits 0 when it answers 200. It serves the container's
// HEALTHCHECK, whose final image has no shell, curl or wget.
func healthcheck(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("osplay healthcheck", flag.ContinueOnError)
	fl.SetOutput(stderr)
	url := fl.String("url", "", "the health endpoint (default http://127.0.0.1:$PORT/healthz, PORT 8080 if unset)")
	timeout := fl.Duration("timeout", 2*time.Second, "how long to wait for the answer")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *url == "" {
		port := os.Getenv("PORT")
		if port == "" {
			port = "8080"
		}
		*url = "http://127.0.0.1:" + port + "/healthz"
	}
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		fmt.Fprintf(stderr, "osplay healthcheck: %v\n", err)
		return 2
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Fprintf(stderr, "osplay healthcheck: %v\n", err)
		return 1
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		fmt.Fprintf(stderr, "osplay healthcheck: %s answered %s\n", *url, resp.Status)
		return 1
	}
	fmt.Fprintln(stdout, "ok")
	return 0
}
