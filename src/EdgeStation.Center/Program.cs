using EdgeStation.Center.Cli;

return CenterCli.Run(args, CenterContext.Console());
