using Zoo.Core.Configuration;
using Zoo.Core.Processes;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;

namespace Zoo.Hpc.Utilities;

/// <summary>
/// DeployOnHpc: input <c>image</c> is a container image that deployed HPC processes later run with
/// <c>singularity exec</c> (their <c>entry-point</c>); it is pulled on the cluster, into the SSH user's home as ZOO
/// does, since a relative <c>.sif</c> name in an entry-point is all a job has to find it. Output <c>Result</c> is
/// ZOO's text once the pull succeeded.
/// <para>
/// The cluster is the preview configuration of the service's confId section (<c>[HPC]</c> unless its .zcfg names
/// another; ZOO always reads <c>[HPC]</c>). The program is <c>container_command</c> of that section, else
/// <c>singularity</c> or <c>apptainer</c>, whichever the cluster has.
/// </para>
/// </summary>
public sealed class DeployOnHpcUtility(MainConfig config, TextWriter log, IClusterConnectionFactory connections) : IHpcUtility
{
    public const string SuccessResult = "Singularity container deployed";

    public const string PullFailed = "Failed to run singularity pull remotely";

    // What of the pull's complaints the failure message carries: its last lines are the reason.
    private const int DetailLength = 400;

    public IReadOnlyList<string> ServiceNames { get; } = ["DeployOnHpc"];

    /// <summary>The pull as the cluster receives it, each word quoted by <see cref="ShellQuote"/>; the image lands in the current directory.</summary>
    public static IReadOnlyList<string> PullCommand(string program, string image) => [program, "pull", image];

    public async Task<RunOutcome> RunAsync(ServiceRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var image = run.Inputs["image"]?.Text("value") ?? "";
        if (!ContainerImage.IsAcceptable(image))
            return HpcUtilityRunner.Failed(run, ContainerImage.Refusal);
        HpcSettings settings;
        try
        {
            settings = HpcSettings.Load(config, run.Process.Keys["confId"]);
        }
        catch (ConfigurationException e)
        {
            return HpcUtilityRunner.Failed(run, e.Message);
        }
        var lenv = run.Conf.GetOrAdd("lenv");
        lenv["configId"] = settings.Preview.SectionName;
        try
        {
            using var connection = await connections.OpenAsync(settings.Preview, cancellationToken).ConfigureAwait(false);
            var program = settings.ContainerCommand
                ?? await ContainerRuntime.FindAsync(connection, cancellationToken).ConfigureAwait(false);
            if (program is null)
                return HpcUtilityRunner.Failed(run, NoRuntime(settings, connection.Settings));
            var pull = await connection.RunAsync(PullCommand(program, image), cancellationToken).ConfigureAwait(false);
            var printed = pull.StandardOutput + pull.StandardError;
            // ZOO echoes the pull's output to the server's error log.
            await log.WriteAsync(printed).ConfigureAwait(false);
            if (pull.ExitStatus != 0)
                return HpcUtilityRunner.Failed(run, $"{PullFailed}: {program} pull {Ending(pull)}{Detail(pull)}");
            lenv["ssh_cmd_log"] = printed;
            return HpcUtilityRunner.Succeeded(run, SuccessResult);
        }
        catch (ClusterConnectionException e)
        {
            return HpcUtilityRunner.Failed(run, e.Message);
        }
    }

    private static string NoRuntime(HpcSettings settings, SshSettings ssh) =>
        $"Neither {string.Join(" nor ", ContainerRuntime.Candidates)} is found by {ssh.User}@{ssh.Host}:{ssh.Port}'s shell on the cluster: "
        + $"install one there, or name the program in [{settings.ConfId}] container_command";

    private static string Ending(RemoteCommandResult pull) =>
        pull.ExitSignal is { } signal ? $"was killed by signal {signal}" : $"exited with status {pull.ExitStatus}";

    private static string Detail(RemoteCommandResult pull)
    {
        var text = (pull.StandardError.Trim().Length > 0 ? pull.StandardError : pull.StandardOutput).Trim();
        if (text.Length == 0)
            return "";
        return ": " + (text.Length > DetailLength ? "..." + text[^DetailLength..] : text);
    }
}
