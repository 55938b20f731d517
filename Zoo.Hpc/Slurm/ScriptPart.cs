using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Slurm;

/// <summary>
/// The header, body or footer of a job script as ZOO distinguishes them: not configured, configured
/// but unreadable, or the file's text. Each case writes a different marker, which operators grep for.
/// </summary>
public sealed record ScriptPart(bool Configured, string? Content)
{
    public static readonly ScriptPart NotConfigured = new(false, null);
    public static readonly ScriptPart Unreadable = new(true, null);

    public static ScriptPart Of(string content) => new(true, content);

    /// <summary>Reads the configured file; one that cannot be read is <see cref="Unreadable"/>, as in ZOO, not an error.</summary>
    public static ScriptPart Load(string? path)
    {
        if (path is null)
            return NotConfigured;
        try
        {
            return Of(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable;
        }
    }
}

/// <summary>The three parts of a job script, read from the configuration's <c>jobscript_*</c> files.</summary>
public sealed record JobScriptParts(ScriptPart Header, ScriptPart Body, ScriptPart Footer)
{
    public static readonly JobScriptParts None = new(ScriptPart.NotConfigured, ScriptPart.NotConfigured, ScriptPart.NotConfigured);

    public static JobScriptParts Load(JobScriptFiles files) =>
        new(ScriptPart.Load(files.Header), ScriptPart.Load(files.Body), ScriptPart.Load(files.Footer));
}
