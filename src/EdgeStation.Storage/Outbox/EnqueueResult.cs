namespace EdgeStation.Storage.Outbox;

/// <summary>
/// The outcome of one enqueue: the entry's seq, or <see cref="Refused"/> when the outbox is full even after dropping
/// every health entry it held (nothing was stored, the producer's cursor did not move, the "outbox full" alarm is up).
/// </summary>
public readonly record struct EnqueueResult(long Seq, int DroppedHealth)
{
    public bool Refused => Seq == 0;

    public static EnqueueResult Full(int droppedHealth) => new(0, droppedHealth);
}
