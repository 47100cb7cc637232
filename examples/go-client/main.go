// Command go-client is how a Go service talks to resume-parser: it uploads one resume file, prints
// every WatchResume event until the resume is COMPLETED or FAILED, then prints the parsed name.
// With -anonymized it then reads the resume again in the anonymized view (blind screening) and
// prints that view's basics and work history as JSON.
//
//	go-client -addr 127.0.0.1:50051 resume.pdf
//	go-client -anonymized resume.pdf
//
// It exits 0 when the resume completed, 1 when it failed or the call went wrong, 2 on bad usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	resumev1 "github.com/ats-platform/resume-parser/gen/go/ats/resume/v1"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/encoding/protojson"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:50051", "host:port of the resume-parser gRPC server")
	token := flag.String("token", "", "bearer token, when the server requires one")
	timeout := flag.Duration("timeout", 2*time.Minute, "give up when the resume is not finished by then")
	anonymized := flag.Bool("anonymized", false, "also print the resume in the anonymized view")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go-client [flags] RESUME_FILE\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	if *token != "" {
		ctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+*token)
	}

	// Plaintext, as against `resume-parser dev`; use grpc.WithTransportCredentials for TLS.
	conn, err := grpc.DialContext(ctx, *addr, grpc.WithInsecure(), grpc.WithBlock())
	if err != nil {
		fail("connect to %s: %v", *addr, err)
	}
	defer conn.Close()

	client := resumev1.NewResumeServiceClient(conn)
	id, err := parse(ctx, client, flag.Arg(0))
	if err != nil {
		fail("%v", err)
	}
	if *anonymized {
		if err := printAnonymized(ctx, client, id); err != nil {
			fail("%v", err)
		}
	}
}

// parse uploads the file, follows its stages to the end, prints the parsed name and returns the
// resume's id.
func parse(ctx context.Context, client resumev1.ResumeServiceClient, path string) (string, error) {
	content, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	uploaded, err := client.UploadResume(ctx, &resumev1.UploadResumeRequest{
		Source:   &resumev1.UploadResumeRequest_Content{Content: content},
		Filename: filepath.Base(path),
	})
	if err != nil {
		return "", fmt.Errorf("UploadResume: %w", err)
	}
	id := uploaded.GetResume().GetId()
	fmt.Printf("uploaded %s created=%t\n", id, uploaded.GetCreated())

	last, err := watch(ctx, client, id)
	if err != nil {
		return "", err
	}
	if last.GetStage() == resumev1.Stage_STAGE_FAILED {
		failure := last.GetError()
		return "", fmt.Errorf("resume failed in %s: %s (%s)", failure.GetStage(), failure.GetReason(), failure.GetMessage())
	}

	got, err := client.GetResume(ctx, &resumev1.GetResumeRequest{ResumeId: id})
	if err != nil {
		return "", fmt.Errorf("GetResume: %w", err)
	}
	fmt.Printf("name: %s\n", got.GetResume().GetParsed().GetBasics().GetName())
	return id, nil
}

// printAnonymized reads the resume in the anonymized view, as a blind-screening screen would, and
// prints its basics and work history, one JSON object per line: no name, e-mail, phone, links or
// birth date, and placeholders such as "[name]" where they were printed in the text.
func printAnonymized(ctx context.Context, client resumev1.ResumeServiceClient, id string) error {
	got, err := client.GetResume(ctx, &resumev1.GetResumeRequest{
		ResumeId: id,
		View:     resumev1.ResumeView_RESUME_VIEW_ANONYMIZED,
	})
	if err != nil {
		return fmt.Errorf("GetResume (anonymized): %w", err)
	}
	resume := got.GetResume()
	fmt.Printf("view: %s\n", resume.GetView())
	basics, err := protojson.Marshal(resume.GetParsed().GetBasics())
	if err != nil {
		return err
	}
	fmt.Printf("anonymized basics: %s\n", basics)
	for _, work := range resume.GetParsed().GetWork() {
		entry, err := protojson.Marshal(work)
		if err != nil {
			return err
		}
		fmt.Printf("anonymized work: %s\n", entry)
	}
	return nil
}

// watch prints each event of the resume's stream and returns the terminal one.
func watch(ctx context.Context, client resumev1.ResumeServiceClient, id string) (*resumev1.WatchResumeResponse, error) {
	stream, err := client.WatchResume(ctx, &resumev1.WatchResumeRequest{ResumeId: id})
	if err != nil {
		return nil, fmt.Errorf("WatchResume: %w", err)
	}
	var last *resumev1.WatchResumeResponse
	for {
		event, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break // the server ends the stream after the terminal stage
		}
		if err != nil {
			return nil, fmt.Errorf("WatchResume: %w", err)
		}
		fmt.Printf("event sequence=%d stage=%s attempt=%d time=%s\n", event.GetSequence(), event.GetStage(),
			event.GetAttempt(), event.GetEventTime().AsTime().Format(time.RFC3339Nano))
		last = event
	}
	if last == nil || !terminal(last.GetStage()) {
		return nil, errors.New("WatchResume ended before the resume finished")
	}
	return last, nil
}

func terminal(stage resumev1.Stage) bool {
	return stage == resumev1.Stage_STAGE_COMPLETED || stage == resumev1.Stage_STAGE_FAILED
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "go-client: "+format+"\n", args...)
	os.Exit(1)
}
