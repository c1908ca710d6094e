using EdgeStation.Sync.V1;
using Google.Protobuf;

namespace EdgeStation.Sync.Tests.Contract;

/// <summary>
/// One instance of every message of edgestation.sync.v1, each field set to a value of its own, so moving or
/// retyping any field changes the encoded bytes. <c>Every_sample_sets_every_field</c> keeps it complete.
/// </summary>
internal static class GoldenSamples
{
    private static ByteString Bytes(byte start) => ByteString.CopyFrom(Enumerable.Range(start, 32).Select(i => (byte)i).ToArray());

    public static IReadOnlyList<IMessage> All() =>
    [
        new Envelope
        {
            StationId = "dongshan-village",
            Seq = 4242,
            Kind = EnvelopeKind.DailyClose,
            CreatedAt = 1_764_547_200_123,
            ContractVersion = 1,
            Payload = ByteString.CopyFrom(1, 2, 3),
        },
        new Ack { StationId = "dongshan-village", Seq = 4242, Status = AckStatus.KeptUnknownKind, Reason = AckReason.NewerContract },
        new HourlySummary
        {
            PeriodStart = 1_764_547_200_000,
            PeriodEnd = 1_764_550_800_000,
            Figures = Figures(),
            LedgerHead = new LedgerAnchor { Seq = 812, Hash = Bytes(1) },
            MonthlyReportAnchor = MonthlyAnchor(),
        },
        new DailyClose
        {
            LocalDate = 20261130,
            Figures = Figures(),
            LedgerHead = new LedgerAnchor { Seq = 813, Hash = Bytes(2) },
            MonthlyReportAnchor = MonthlyAnchor(),
        },
        Figures(),
        new RecordStateCount { Kind = RecordKind.Petition, State = RecordState.Accepted, Count = 3 },
        Streaks(),
        FourNothing(),
        Disputes(),
        Petitions(),
        new GridEventCounts { Collected = 118, Closed = 117 },
        new Rate { Numerator = 10908, Denominator = 11293 },
        SafetyIndex(),
        SafetyPart(),
        new LedgerAnchor { Seq = 812, Hash = Bytes(3) },
        MonthlyAnchor(),
        new LedgerDigests { Entries = { Digest(811, 4), Digest(812, 5) } },
        Digest(812, 6),
        new Health
        {
            DiskFreeBytes = 12_884_901_888,
            DiskTotalBytes = 31_138_512_896,
            TemperatureMilliCelsius = -5500,
            UptimeSeconds = 864_000,
            Version = "0.4.17+be64e91",
            ClockOffsetMs = -612,
            LastVerifyResult = VerifyResult.Intact,
            LastVerifyAt = 1_764_540_000_000,
            OutboxDepth = 7,
            OutboxBytes = 9_321,
        },
        new AccessCounts
        {
            PeriodStart = 1_764_547_200_000,
            PeriodEnd = 1_764_550_800_000,
            GrantedCard = 41,
            GrantedPin = 6,
            GrantedFace = 12,
            Denied = 3,
            ForcedOpen = 1,
            HeldOpen = 2,
            AlarmButton = 4,
        },
        new CameraCounts { PeriodStart = 1_764_547_200_000, PeriodEnd = 1_764_550_800_000, Cameras = { Camera(1), Camera(2) } },
        Camera(3),
        AlertCount(),
        LineCrossings(1),
        ZoneOccupancy(1),
        new ConfigAck { ConfigVersion = 9, Outcome = ConfigOutcome.Applied, ConfigDigest = Bytes(7) },
    ];

    private static Figures Figures()
    {
        var f = new Figures
        {
            AsOfDate = 20261130,
            StationStartDate = 20250301,
            HolidayScheduleKnown = true,
            Streaks = Streaks(),
            FourNothing = FourNothing(),
            Disputes = Disputes(),
            Petitions = Petitions(),
            GridEvents = new GridEventCounts { Collected = 118, Closed = 117 },
            DisputeResolution = new Rate { Numerator = 40, Denominator = 42 },
            PetitionAcceptanceOnTime = new Rate { Numerator = 11, Denominator = 12 },
            PetitionCompletionOnTime = new Rate { Numerator = 8, Denominator = 9 },
            PetitionOnTime = new Rate { Numerator = 19, Denominator = 21 },
            PetitionRepeat = new Rate { Numerator = 1, Denominator = 13 },
            PetitionSatisfaction = new Rate { Numerator = 7, Denominator = 8 },
            GridEventClosure = new Rate { Numerator = 117, Denominator = 118 },
            SafetyIndex = SafetyIndex(),
        };
        f.RecordCounts.Add(new RecordStateCount { Kind = RecordKind.Dispute, State = RecordState.Resolved, Count = 40 });
        return f;
    }

    private static StreakDays Streaks() => new() { NoCases = 289, NoEscalatedPetitions = 200, NoLawsuits = 512, NoCults = 640 };

    private static FourNothing FourNothing() =>
        new() { Year = 2026, Achieved = true, Cases = 1, EscalatedPetitions = 2, Lawsuits = 3, Cults = 4 };

    private static DisputeCounts Disputes() => new()
    {
        Accepted = 42,
        Resolved = 40,
        Escalated = 1,
        ClosedUnresolved = 1,
        Open = 5,
        Overdue = 2,
        FollowUpsOverdue = 3,
        AssessmentsOverdue = 4,
        Red = 1,
        Yellow = 6,
        Green = 30,
        Unassessed = 5,
    };

    private static PetitionCounts Petitions() => new()
    {
        Received = 13,
        Collective = 1,
        Repeat = 2,
        Escalated = 3,
        AcceptanceDue = 12,
        AcceptedOnTime = 11,
        CompletionDue = 9,
        CompletedOnTime = 8,
        Overdue = 4,
        Rated = 8,
        Satisfied = 7,
    };

    private static SafetyIndex SafetyIndex() => new() { IndexCenti = 9655, Components = { SafetyPart() } };

    private static SafetyIndexPart SafetyPart() =>
        new() { Component = SafetyComponent.DisputeResolution, WeightMilli = 20_000, ScorePer10000 = 9524, PointsCenti = 1905 };

    private static MonthlyReportAnchor MonthlyAnchor() => new() { Month = 202610, Seq = 790, Hash = Bytes(8) };

    private static LedgerDigest Digest(ulong seq, byte start) => new() { Seq = seq, ContentDigest = Bytes(start), Hash = Bytes((byte)(start + 100)) };

    private static CameraCount Camera(uint index) => new()
    {
        CameraIndex = index,
        PersonDetections = 10 + index,
        VehicleDetections = 20 + index,
        ZoneAlerts = 30 + index,
        TamperAlerts = 40 + index,
        OfflineSeconds = 50 + index,
        Alerts = { AlertCount() },
        Lines = { LineCrossings(1), LineCrossings(2) },
        Zones = { ZoneOccupancy(1) },
        PeakPersons = 60 + index,
        AnalysedFrames = 36_000 + index,
    };

    private static CameraAlertCount AlertCount() => new() { Kind = CameraAlertKind.Loiter, Count = 2 };

    private static CameraLineCrossings LineCrossings(uint index) => new() { LineIndex = index, Forward = 70 + index, Backward = 80 + index };

    private static CameraZoneOccupancy ZoneOccupancy(uint index) =>
        new() { ZoneIndex = index, PeakPeople = 4, OccupiedSeconds = 1_800, PersonSeconds = 2_700, Entries = 9 };
}
