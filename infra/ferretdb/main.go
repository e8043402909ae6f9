package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address")
	dir := flag.String("sqlite-dir", "data", "directory of the SQLite backend")
	pgURL := flag.String("postgresql-url", "", "postgres://… of an existing database: the PostgreSQL backend instead of SQLite")
	flag.Parse()
	conf := ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	if *pgURL != "" {
		conf.Handler = "postgresql"
		conf.PostgreSQLURL = *pgURL
	} else {
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		conf.Handler = "sqlite"
		conf.SQLiteURL = "file:" + *dir + "/"
	}
	f, err := ferretdb.New(&conf)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Println(f.MongoDBURI())
	f.Run(ctx)
}
