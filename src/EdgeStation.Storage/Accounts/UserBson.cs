using EdgeStation.Domain.Accounts;
using LiteDB;

namespace EdgeStation.Storage.Accounts;

/// <summary>Maps accounts to and from BsonDocument by hand (Native AOT). Times are Int64 Unix milliseconds.</summary>
internal static class UserBson
{
    public static BsonDocument ToBson(UserAccount u)
    {
        var doc = new BsonDocument
        {
            ["_id"] = u.Name,
            ["role"] = RoleNames.Name(u.Role),
            ["grids"] = new BsonArray(u.Grids.Select(g => new BsonValue(g))),
            ["hash"] = u.PasswordHash,
            ["createdAt"] = u.CreatedAt.ToUnixTimeMilliseconds(),
            ["disabled"] = u.Disabled,
            ["failedLogins"] = u.FailedLogins,
        };
        if (u.LockedUntil is { } until)
        {
            doc["lockedUntil"] = until.ToUnixTimeMilliseconds();
        }
        return doc;
    }

    public static UserAccount FromBson(BsonDocument doc) => new()
    {
        Name = doc["_id"].AsString,
        Role = RoleNames.TryParse(doc["role"].AsString, out var role)
            ? role
            : throw new InvalidCastException($"account '{doc["_id"].AsString}' has an unknown role '{doc["role"].AsString}'"),
        Grids = [.. doc["grids"].AsArray.Select(g => g.AsString)],
        PasswordHash = doc["hash"].AsString,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(doc["createdAt"].AsInt64),
        Disabled = doc["disabled"].AsBoolean,
        FailedLogins = doc["failedLogins"].AsInt32,
        LockedUntil = doc.TryGetValue("lockedUntil", out var until) && until.IsInt64 ? DateTimeOffset.FromUnixTimeMilliseconds(until.AsInt64) : null,
    };
}
