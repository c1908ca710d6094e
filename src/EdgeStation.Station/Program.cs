using EdgeStation.Station.Cli;

return StationCli.Run(args, CliContext.Console());
