namespace Zoo.Hpc.Slurm;

/// <summary>One job's accounting row: the fields by name (case-insensitive, as sacct takes them), in the order asked.</summary>
public sealed record SacctRecord(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The value of a field, or null when the row has no such field; an empty value stays empty.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var field in Fields)
                if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase))
                    return field.Value;
            return null;
        }
    }

    public string JobId => this["JobID"] ?? "";

    /// <summary>The first word of State: <c>CANCELLED</c> for sacct's <c>CANCELLED by 1000</c>.</summary>
    public string State => SlurmJobStates.FirstWord(this["State"] ?? "");

    /// <summary><c>exit:signal</c> as sacct prints it (<c>3:0</c>), or null when unknown.</summary>
    public string? ExitCode => NullIfEmpty(this["ExitCode"]);

    /// <summary>
    /// The job's working directory, or null when unknown: right after a job ends, slurmdbd may still
    /// hold a placeholder row without it (JobName <c>allocation</c>, no Partition, no WorkDir).
    /// </summary>
    public string? WorkDir => NullIfEmpty(this["WorkDir"]);

    public bool IsTerminal => SlurmJobStates.IsTerminal(State);

    /// <summary>Completed with exit status 0 and no signal: the only state in which the outputs can be trusted.</summary>
    public bool Succeeded => State == SlurmJobStates.Completed && ExitCode == "0:0";

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
