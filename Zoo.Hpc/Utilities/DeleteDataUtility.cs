using Zoo.Core.Configuration;
using Zoo.Core.Processes;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// DeleteData: inputs <c>jobid</c> (a ZOO job id), <c>filename</c> (a file of that job in tmpPath, or a cache entry
/// its inputs were read from) and <c>ioname</c> (the input or output it is); output <c>Result</c>, ZOO's text once the
/// data is deleted. What may be deleted is <see cref="DataDeletion"/>'s rule.
/// </summary>
public sealed class DeleteDataUtility(MainConfig config, TextWriter log) : IHpcUtility
{
    public IReadOnlyList<string> ServiceNames { get; } = ["DeleteData"];

    public Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (config.TmpPath is not { Length: > 0 } tmpPath)
            return Task.FromResult(HpcUtilityRunner.Failed(run, "No tmpPath is set in the [main] section of main.cfg: there is no job data to delete."));
        var deletion = new DataDeletion(tmpPath, config.CacheDir, config.Main["dataPath"], log);
        try
        {
            return Task.FromResult(HpcUtilityRunner.Succeeded(run, deletion.Delete(Input(run, "jobid"), Input(run, "filename"), Input(run, "ioname"))));
        }
        catch (DeleteDataException e)
        {
            return Task.FromResult(HpcUtilityRunner.Failed(run, e.Message));
        }
    }

    private static string Input(ServiceRun run, string name) => run.Inputs[name]?.Text("value")?.Trim() ?? "";
}
