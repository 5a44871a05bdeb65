namespace OrleansMlops.Storage.Reminders;

/// <summary>A stored reminder: whose it is, when it first fires and how often, the grain's ring hash and the row version (its ETag).</summary>
public sealed record ReminderRow(string GrainId, string ReminderName, long StartAtTicks, long PeriodTicks, long GrainHash, long Version);
