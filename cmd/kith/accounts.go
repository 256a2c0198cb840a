package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"kith/directory"
)

func userCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("usage: kith user add --email E --role R [--name N] [--org ID] [--team ID] [--area CODE]")
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(stdout)
	var in directory.UserInput
	var role string
	fs.StringVar(&in.Email, "email", "", "email address (the login)")
	fs.StringVar(&in.Name, "name", "", "full name")
	fs.StringVar(&role, "role", "", "admin, qa_reviewer, link_worker, vcse_editor or commissioner")
	fs.StringVar(&in.OrganisationID, "org", "", "organisation id (vcse_editor)")
	fs.StringVar(&in.TeamID, "team", "", "team id (link_worker)")
	fs.StringVar(&in.AreaCode, "area", "", "local authority code (commissioner; empty = every area)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	in.Role = directory.Role(role)
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	in.Password = password
	return withDatabase(ctx, cfg, log, func(e *env) error {
		u, err := e.dir.CreateUser(directory.WithUser(ctx, directory.SystemUser()), in)
		if err != nil {
			return describeProblems(err)
		}
		fmt.Fprintf(stdout, "created %s %s (id %s)\n", u.Role, u.Email, u.ID)
		return nil
	})
}

// readPassword takes the first line of stdin, so `echo pw | kith user add`
// and a password manager's pipe both work.
func readPassword(stdin io.Reader) (string, error) {
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading password from stdin: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("give the password on standard input")
	}
	return pw, nil
}

func teamCmd(ctx context.Context, cfg config, log *slog.Logger, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		return errors.New("usage: kith team add --name N [--kind pcn|local_authority|vcse|other] [--area CODE]")
	}
	fs := flag.NewFlagSet("team add", flag.ContinueOnError)
	fs.SetOutput(stdout)
	var in directory.TeamInput
	fs.StringVar(&in.Name, "name", "", "team name")
	fs.StringVar(&in.Kind, "kind", "pcn", "pcn, local_authority, vcse or other")
	fs.StringVar(&in.AreaCode, "area", "", "local authority code the team works in")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	return withDatabase(ctx, cfg, log, func(e *env) error {
		t, err := e.dir.CreateTeam(directory.WithUser(ctx, directory.SystemUser()), in)
		if err != nil {
			return describeProblems(err)
		}
		fmt.Fprintf(stdout, "created team %q (id %s)\n", t.Name, t.ID)
		return nil
	})
}

// describeProblems spells out validation problems on the command line.
func describeProblems(err error) error {
	var p directory.Problems
	if errors.As(err, &p) {
		return errors.New(p.Error())
	}
	return err
}
