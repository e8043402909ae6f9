// The Temporal server (go.temporal.io/server, the version the pinned CLI embeds) on PostgreSQL, for the dev
// stack's VSOKO_TEMPORAL_BACKEND=postgres. Two commands:
//
//	temporal-server sql …    Temporal's own SQL schema tool (temporal-sql-tool), unchanged
//	temporal-server start …  all four services in one process, persistence and visibility on PostgreSQL,
//	                         namespaces registered on start, the Web UI on its own port
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	uiserver "github.com/temporalio/ui-server/v2/server"
	uiconfig "github.com/temporalio/ui-server/v2/server/config"
	uiserveroptions "github.com/temporalio/ui-server/v2/server/server_options"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/membership/static"
	_ "go.temporal.io/server/common/persistence/sql/sqlplugin/postgresql"
	"go.temporal.io/server/common/primitives"
	"go.temporal.io/server/temporal"
	sqltool "go.temporal.io/server/tools/sql"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/durationpb"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "sql" {
		if err := sqltool.RunTool(append([]string{"temporal-sql-tool"}, os.Args[2:]...)); err != nil {
			os.Exit(1)
		}
		return
	}
	if len(os.Args) < 2 || os.Args[1] != "start" {
		fmt.Fprintln(os.Stderr, "usage: temporal-server sql …|start …")
		os.Exit(2)
	}
	if err := start(os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

type namespaces []string

func (n *namespaces) String() string     { return strings.Join(*n, ",") }
func (n *namespaces) Set(v string) error { *n = append(*n, v); return nil }

func start(args []string) error {
	fs := flag.NewFlagSet("start", flag.ExitOnError)
	ip := fs.String("ip", "127.0.0.1", "address of every service")
	port := fs.Int("port", 7233, "frontend gRPC port")
	httpPort := fs.Int("http-port", 0, "frontend HTTP port (0: a free one)")
	uiPort := fs.Int("ui-port", 0, "Web UI port (0: no UI)")
	pgAddr := fs.String("pg-addr", "127.0.0.1:5432", "PostgreSQL host:port")
	pgUser := fs.String("pg-user", "postgres", "PostgreSQL role")
	db := fs.String("db", "temporal", "database of the persistence store")
	visibilityDB := fs.String("visibility-db", "temporal_visibility", "database of the visibility store")
	shards := fs.Int("history-shards", 4, "history shards (fixed when the database is created)")
	level := fs.String("log-level", "warn", "debug, info, warn, error")
	var ns namespaces
	fs.Var(&ns, "namespace", "namespace to register (repeatable; default is always registered)")
	_ = fs.Parse(args)

	if *httpPort == 0 {
		*httpPort = freePort(*ip)
	}
	history, matching, worker := freePort(*ip), freePort(*ip), freePort(*ip)
	frontend := fmt.Sprintf("%s:%d", *ip, *port)
	store := func(name string) config.DataStore {
		return config.DataStore{SQL: &config.SQL{
			PluginName:      "postgres12",
			DatabaseName:    name,
			ConnectAddr:     *pgAddr,
			ConnectProtocol: "tcp",
			User:            *pgUser,
			MaxConns:        20,
			MaxIdleConns:    20,
			MaxConnLifetime: time.Hour,
		}}
	}
	service := func(grpcPort, http int) config.Service {
		var s config.Service
		s.RPC.GRPCPort = grpcPort
		s.RPC.BindOnIP = *ip
		s.RPC.HTTPPort = http
		return s
	}
	conf := &config.Config{}
	conf.Global.Membership.MaxJoinDuration = 30 * time.Second
	conf.Global.Membership.BroadcastAddress = *ip
	conf.Persistence.DefaultStore = "default"
	conf.Persistence.VisibilityStore = "visibility"
	conf.Persistence.NumHistoryShards = int32(*shards)
	conf.Persistence.DataStores = map[string]config.DataStore{"default": store(*db), "visibility": store(*visibilityDB)}
	conf.ClusterMetadata = &cluster.Config{
		FailoverVersionIncrement: 10,
		MasterClusterName:        "active",
		CurrentClusterName:       "active",
		ClusterInformation: map[string]cluster.ClusterInformation{"active": {
			Enabled:                true,
			InitialFailoverVersion: 1,
			RPCAddress:             frontend,
			HTTPAddress:            fmt.Sprintf("%s:%d", *ip, *httpPort),
		}},
	}
	conf.DCRedirectionPolicy.Policy = "noop"
	conf.Services = map[string]config.Service{
		"frontend": service(*port, *httpPort),
		"history":  service(history, 0),
		"matching": service(matching, 0),
		"worker":   service(worker, 0),
	}
	conf.Archival.History.State = "disabled"
	conf.Archival.Visibility.State = "disabled"
	conf.NamespaceDefaults.Archival.History.State = "disabled"
	conf.NamespaceDefaults.Archival.Visibility.State = "disabled"
	conf.PublicClient.HostPort = frontend

	hosts := func(p int) static.Hosts { return static.SingleLocalHost(fmt.Sprintf("%s:%d", *ip, p)) }
	logger := log.NewZapLogger(log.BuildZapLogger(log.Config{Level: *level, Format: "json"}))
	// The same dynamic config values as the CLI's dev server, so the two are measured alike.
	dyn := dynamicconfig.StaticClient{
		dynamicconfig.HistoryCacheHostLevelMaxSize.Key():                8096,
		dynamicconfig.FrontendMaxNamespaceVisibilityRPSPerInstance.Key(): 100,
		dynamicconfig.ForceSearchAttributesCacheRefreshOnRead.Key():      true,
		dynamicconfig.FrontendPersistenceMaxQPS.Key():                    10000,
		dynamicconfig.HistoryPersistenceMaxQPS.Key():                     45000,
	}
	server, err := temporal.NewServer(
		temporal.WithConfig(conf),
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithStaticHosts(map[primitives.ServiceName]static.Hosts{
			primitives.FrontendService: hosts(*port),
			primitives.HistoryService:  hosts(history),
			primitives.MatchingService: hosts(matching),
			primitives.WorkerService:   hosts(worker),
		}),
		temporal.WithLogger(logger),
		temporal.WithDynamicConfigClient(dyn),
	)
	if err != nil {
		return err
	}
	if err := server.Start(); err != nil {
		return err
	}
	defer server.Stop()
	if err := register(frontend, append([]string{"default"}, ns...)); err != nil {
		return err
	}
	if *uiPort != 0 {
		ui := uiserver.NewServer(uiserveroptions.WithConfigProvider(&uiconfig.Config{
			Host:                *ip,
			Port:                *uiPort,
			TemporalGRPCAddress: frontend,
			EnableUI:            true,
			CORS:                uiconfig.CORS{CookieInsecure: true},
			HideLogs:            true,
		}))
		go func() {
			if err := ui.Start(); err != nil {
				fmt.Fprintln(os.Stderr, "Web UI:", err)
			}
		}()
		defer ui.Stop()
	}
	fmt.Println("ready", frontend)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	return nil
}

// freePort asks the kernel for a port the internal services can bind (they listen only on ip).
func freePort(ip string) int {
	l, err := net.Listen("tcp", ip+":0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// register creates the namespaces that do not exist yet (a restart finds them in the database).
func register(frontend string, names []string) error {
	conn, err := grpc.NewClient(frontend, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	client := workflowservice.NewWorkflowServiceClient(conn)
	for _, name := range names {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		_, err := client.RegisterNamespace(ctx, &workflowservice.RegisterNamespaceRequest{
			Namespace:                        name,
			WorkflowExecutionRetentionPeriod: durationpb.New(24 * time.Hour),
		})
		cancel()
		var exists *serviceerror.NamespaceAlreadyExists
		if err != nil && !errors.As(err, &exists) {
			return fmt.Errorf("namespace %s: %w", name, err)
		}
	}
	return nil
}
