namespace Zoo.Hpc.Settings;

/// <summary>
/// <c>jobscript_header</c>, <c>jobscript_body</c>, <c>jobscript_footer</c>: local files whose content
/// goes into the sbatch script. Paths only: a missing file is not a configuration error, ZOO writes
/// a marker in the script instead (see the Slurm job script).
/// </summary>
public sealed record JobScriptFiles(string? Header, string? Body, string? Footer);
