namespace EdgeStation.Storage.Station;

/// <summary>What the ledger's first entry says about the station: its village and the day it started keeping records.</summary>
public sealed record StationInfo(string Village, DateOnly StartDate, string TimeZone);
