using EdgeStation.Domain.Doors;
using LiteDB;

namespace EdgeStation.Storage.Access;

/// <summary>An access event as a BsonDocument, mapped by hand (LiteDB's mapper does not survive Native AOT).</summary>
internal static class AccessEventBson
{
    public const string At = "at";
    private const string Door = "door";
    private const string Kind = "kind";
    private const string Reason = "reason";
    private const string Person = "person";
    private const string Card = "card";
    private const string Direction = "dir";
    private const string Source = "source";
    private const string Actor = "actor";

    public static BsonDocument ToDocument(AccessEvent e)
    {
        var doc = new BsonDocument
        {
            [At] = e.At.UtcDateTime,
            [Door] = e.Door,
            [Kind] = e.Kind.ToString(),
            [Reason] = e.Reason,
        };
        Optional(doc, Person, e.Person);
        Optional(doc, Card, e.Card);
        Optional(doc, Direction, e.Direction);
        Optional(doc, Source, e.Source);
        Optional(doc, Actor, e.Actor);
        return doc;
    }

    public static StoredAccessEvent FromDocument(BsonDocument doc)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(doc[At].AsDateTime.ToUniversalTime(), DateTimeKind.Utc));
        var kind = Enum.TryParse<AccessEventKind>(doc[Kind].AsString, out var k) ? k : AccessEventKind.Refused;
        var e = new AccessEvent(at, doc[Door].AsInt32, kind, doc[Reason].AsString)
        {
            Person = Text(doc, Person),
            Card = Text(doc, Card),
            Direction = Text(doc, Direction),
            Source = Text(doc, Source),
            Actor = Text(doc, Actor),
        };
        return new StoredAccessEvent(doc["_id"].AsInt64, e);
    }

    private static void Optional(BsonDocument doc, string key, string? value)
    {
        if (value is not null)
        {
            doc[key] = value;
        }
    }

    private static string? Text(BsonDocument doc, string key) => doc.TryGetValue(key, out var v) && v.IsString ? v.AsString : null;
}
