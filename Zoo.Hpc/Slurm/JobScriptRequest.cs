using Zoo.Core.Processes.Otb;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Slurm;

/// <summary>Everything a job script is made of: the service, the run, its arguments and the configuration's parts.</summary>
/// <param name="Usid">ZOO's run id (a UUID): in the job name and substituted into the footer.</param>
/// <param name="Inputs">In input order; inputs that are also output names are given as the outputs' pixel types instead.</param>
public sealed record JobScriptRequest(
    HpcService Service,
    string Usid,
    IReadOnlyList<OtbInput> Inputs,
    IReadOnlyList<OtbOutput> Outputs,
    IReadOnlyList<SbatchOption> SbatchOptions,
    JobScriptParts Parts);
