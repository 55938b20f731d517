namespace Zoo.Core.Jobs;

/// <summary>
/// A job id as clients send it back: only a lower-case UUID (8-4-4-4-12) is ever used to name a
/// file, so no id can reach outside tmpPath or match another job's files.
/// </summary>
public static class JobId
{
    public static bool IsWellFormed(string? id) =>
        id is { Length: 36 } && Guid.TryParseExact(id, "D", out _) && id.All(c => c is '-' or >= '0' and <= '9' or >= 'a' and <= 'f');
}
