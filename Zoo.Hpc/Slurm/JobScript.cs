using System.Text;
using Zoo.Core.Processes.Otb;
using Zoo.Hpc.Remote;

namespace Zoo.Hpc.Slurm;

/// <summary>
/// Writes the sbatch script in ZOO's order, with ZOO's markers (operators' tooling and habits rely on
/// them): header, <c>#SBATCH</c> options, job name, modules, body, the start echo lines, the command,
/// the end echo, footer. Two deliberate differences: every word of the command is single-quoted, so
/// no input value can run anything on the cluster; and the script ends with the application's exit
/// status, so that Slurm reports FAILED when the application fails (ZOO's end with the last echo's 0).
/// </summary>
public static class JobScript
{
    public const string JobNamePrefix = "ZOO-Project_";

    // Set to the application's status with `||`, which `set -e` in a header does not abort, so the
    // footer (typically the call that wakes the kernel) runs even when the application fails.
    private const string StatusVariable = "ZOO_SERVICE_STATUS";

    /// <summary>The Slurm job name: FinalizeHPC finds a job by the usid in it.</summary>
    public static string JobName(string usid, string serviceName) => $"{JobNamePrefix}{usid}_{serviceName}";

    /// <summary>The script's file name, locally in tmpPath and remotely in remote_work_path.</summary>
    public static string FileName(string serviceName, string usid) => $"zoo_{serviceName}_{usid}.sh";

    /// <summary>The application's words (<see cref="OtbCommandLine"/>, the one builder of local and cluster runs).</summary>
    /// <exception cref="OtbValueException">a value the application would change, drop or read as an option.</exception>
    /// <exception cref="ArgumentException">an input or output has the name of one of the application's global options.</exception>
    public static IReadOnlyList<string> CommandArguments(JobScriptRequest request) =>
        OtbCommandLine.Words(request.Service.Command, request.Inputs, request.Outputs);

    /// <exception cref="OtbValueException">a value the application would change, drop or read as an option.</exception>
    /// <exception cref="ArgumentException">
    /// the usid is not a plain token, a value written on a <c>#SBATCH</c> line holds a line break
    /// (it would end the directive and start a shell line), or an input or output has the name of a global option.
    /// </exception>
    public static string Compose(JobScriptRequest request)
    {
        var service = request.Service;
        CheckUsid(request.Usid);
        var script = new StringBuilder();

        AppendPart(script, request.Parts.Header, "HEADER", "#!/bin/bash\n\n", "(no header found)");

        foreach (var option in request.SbatchOptions)
            AppendDirective(script, $"--{option.Name}={option.Value}");
        AppendDirective(script, "--job-name=" + JobName(request.Usid, service.Name));
        script.Append('\n');
        if (service.HpcModules is { } modules)
            AppendDirective(script, "--export=MODULES=" + modules);

        AppendPart(script, request.Parts.Body, "BODY", "\n", "(no body found)");

        script.Append("\n\necho \"Job started at: $(date)\"\n");
        script.Append("echo ").Append(ShellQuote.Quote($"Running service: [{service.CommandText}]")).Append('\n');
        script.Append(StatusVariable).Append("=0\n");
        script.Append(ShellQuote.Join(CommandArguments(request))).Append(" || ").Append(StatusVariable).Append("=$?\n");
        script.Append("echo \"Job finished at: $(date)\"\n");

        AppendFooter(script, request.Parts.Footer, request.Usid);
        script.Append("exit $").Append(StatusVariable).Append('\n');
        return script.ToString();
    }

    // ZOO: "<content>\n### --- ZOO-Service X end --- ###\n\n", or a default marker.
    private static void AppendPart(StringBuilder script, ScriptPart part, string name, string defaultPrefix, string unreadableNote)
    {
        if (part.Content is { } content)
            script.Append(content).Append($"\n### --- ZOO-Service {name} end --- ###\n\n");
        else if (part.Configured)
            script.Append(defaultPrefix).Append($"### *** Default ZOO-Service {name} {unreadableNote} *** ###\n\n");
        else
            script.Append(defaultPrefix).Append($"### *** Default ZOO-Service {name} *** ###\n\n");
    }

    private static void AppendFooter(StringBuilder script, ScriptPart footer, string usid)
    {
        if (footer.Content is { } content)
            script.Append(SubstituteUsid(content, usid)).Append("\n### --- ZOO-Service FOOTER end --- ###\n\n");
        else if (footer.Configured)
            script.Append("### *** Default ZOO-Service FOOTER (footer file failed to load) *** ###\n\n");
        else
            script.Append("### *** Default ZOO-Service FOOTER (no footer found) *** ###\n\n");
    }

    /// <summary>
    /// ZOO passes the footer to sprintf as the format with the usid three times. We give the same
    /// result for what ZOO supports (<c>%s</c> → usid, <c>%%</c> → <c>%</c>) without its undefined
    /// behaviour: every <c>%s</c> gets the usid and any other <c>%</c> stays as written.
    /// </summary>
    public static string SubstituteUsid(string footer, string usid)
    {
        var result = new StringBuilder(footer.Length + 3 * usid.Length);
        for (var i = 0; i < footer.Length; i++)
        {
            if (footer[i] == '%' && i + 1 < footer.Length && footer[i + 1] is 's' or '%')
            {
                result.Append(footer[i + 1] == 's' ? usid : "%");
                i++;
            }
            else
                result.Append(footer[i]);
        }
        return result.ToString();
    }

    private static void AppendDirective(StringBuilder script, string directive)
    {
        if (directive.AsSpan().IndexOfAny('\n', '\r') >= 0)
            throw new ArgumentException($"a #SBATCH directive cannot hold a line break: \"{directive}\"");
        script.Append("#SBATCH ").Append(directive).Append('\n');
    }

    // The usid is pasted unquoted into the footer, which is shell code: it must stay a plain token.
    private static void CheckUsid(string usid)
    {
        if (usid.Length == 0 || !usid.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException($"not a usid: \"{usid}\"", nameof(usid));
    }
}
