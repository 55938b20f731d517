using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Slurm;

/// <summary>
/// One input on the command line: <c>-&lt;Name&gt; &lt;value&gt;...</c>. The values are remote paths of
/// uploaded files or literal values, in request order; a multi-valued input gives several.
/// </summary>
public sealed record JobInput(string Name, IReadOnlyList<string> Values);

/// <summary>
/// One output on the command line: <c>-&lt;Name&gt; &lt;RemotePath&gt;</c>, then the value of the input of
/// the same name when there is one (OTB's pixel type, e.g. <c>-out /r/out.tif float</c>).
/// </summary>
public sealed record JobOutput(string Name, string RemotePath, string? PixelType = null);

/// <summary>Everything a job script is made of: the service, the run, its arguments and the configuration's parts.</summary>
/// <param name="Usid">ZOO's run id (a UUID): in the job name and substituted into the footer.</param>
/// <param name="Inputs">In input order; inputs that are also output names are given as the outputs' pixel types instead.</param>
public sealed record JobScriptRequest(
    HpcService Service,
    string Usid,
    IReadOnlyList<JobInput> Inputs,
    IReadOnlyList<JobOutput> Outputs,
    IReadOnlyList<SbatchOption> SbatchOptions,
    JobScriptParts Parts);
