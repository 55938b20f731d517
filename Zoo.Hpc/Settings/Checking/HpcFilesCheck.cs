using Zoo.Core.Configuration.Checking;

namespace Zoo.Hpc.Settings.Checking;

/// <summary>
/// The local files an HPC configuration section names, which the kernel reads as the web server's user: the job
/// script's header, body and footer (a missing one silently becomes ZOO's placeholder in every script), the private
/// key it logs in with, and the known_hosts file the cluster's host key is checked against.
/// </summary>
internal static class HpcFilesCheck
{
    public static void Check(CheckContext context, FindingList findings, IReadOnlyList<ClusterConfiguration> configurations)
    {
        foreach (var configuration in configurations)
        {
            var section = configuration.SectionName;
            var script = configuration.JobScript;
            Readable(context, findings, section, "jobscript_header", script.Header, "every job script gets ZOO's placeholder instead");
            Readable(context, findings, section, "jobscript_body", script.Body, "every job script gets ZOO's placeholder instead");
            Readable(context, findings, section, "jobscript_footer", script.Footer,
                "every job script gets ZOO's placeholder instead, and FinalizeHPC is not called when a job ends");
            if (configuration.Ssh.Credentials is KeyFileCredentials key)
                Readable(context, findings, section, "ssh_key", key.PrivateKeyPath,
                    "the kernel cannot log in to the cluster"
                    + (key.PublicKeyPath is null ? "" : " (ssh_key names the public key; the private one is the same path without .pub)"));
            if (configuration.Ssh.HostKey is { Sha256Fingerprint: null, KnownHostsPath: { } knownHosts })
                Readable(context, findings, section, "ssh_known_hosts", knownHosts, "the cluster's host key cannot be checked, so no connection is made");
        }
    }

    private static void Readable(CheckContext context, FindingList findings, string section, string key, string? path, string consequence)
    {
        if (path is null)
            return;
        var place = context.InMain(section, key);
        if (!File.Exists(path))
            findings.Error(place, $"{path} does not exist: {consequence}");
        else if (!context.Access.CanRead(path))
            findings.Error(place, $"{context.Access.UserName} cannot read {path}: {consequence}");
    }
}
