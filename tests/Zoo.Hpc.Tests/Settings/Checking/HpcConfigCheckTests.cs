using Zoo.Core.Configuration.Checking;

namespace Zoo.Hpc.Tests.Settings.Checking;

/// <summary>The HPC sections, keys and files, offline; main.cfg's lines are those of <see cref="HpcInstall.MainText"/>.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class HpcConfigCheckTests
{
    [Test]
    public void A_complete_HPC_configuration_has_nothing_to_report()
    {
        using var install = new HpcInstall();

        Assert.That(install.Lines(), Is.Empty);
    }

    [Test]
    public void A_missing_required_key_is_an_error_at_its_section()
    {
        using var install = new HpcInstall();
        install.Replace("ssh_user=zoo\n", "");

        Assert.That(install.Lines(), Is.EqualTo(new[] { $"{install.MainCfg}:12: error: [hpc-config-1] ssh_user: is missing: the user to log in as on the cluster" }));
    }

    [Test]
    public void A_misspelt_optional_key_is_a_warning_naming_the_key_meant()
    {
        using var install = new HpcInstall();
        install.Replace("ssh_port=2222", "ssh_prot=2222");

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:14: warning: [hpc-config-1] ssh_prot: is not a key of this section, most likely ssh_port misspelt: it is ignored",
        }));
    }

    [Test]
    public void A_misspelt_required_key_is_both_missing_and_misspelt()
    {
        using var install = new HpcInstall();
        install.Replace("ssh_host=", "ssh_hots=");

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:12: error: [hpc-config-1] ssh_host: is missing: the host name of the cluster's SSH server",
            $"{install.MainCfg}:13: warning: [hpc-config-1] ssh_hots: is not a key of this section, most likely ssh_host misspelt: it is ignored",
        }));
    }

    [Test]
    public void ZOO_documented_misspelling_of_the_persistent_data_path_is_read_and_said_to_be()
    {
        using var install = new HpcInstall();
        install.Replace("remote_work_path=", "remote_persitent_data_path=/home/zoo/shared\nremote_work_path=");

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:19: notice: [hpc-config-1] remote_persitent_data_path: ZOO's documented misspelling of remote_persistent_data_path, read as it",
        }));
    }

    [Test]
    public void Both_spellings_of_the_persistent_data_path_leave_the_misspelt_one_ignored()
    {
        using var install = new HpcInstall();
        install.Replace("remote_work_path=", "remote_persitent_data_path=/home/zoo/old\nremote_persistent_data_path=/home/zoo/shared\nremote_work_path=");

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:19: warning: [hpc-config-1] remote_persitent_data_path: is ignored: remote_persistent_data_path is also set, and wins",
        }));
    }

    [Test]
    public void A_misspelt_sbatch_option_prefix_is_a_warning()
    {
        using var install = new HpcInstall();
        install.Replace("sbatch_options_partition=debug", "sbatch_option_partition=debug");

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:23: warning: [hpc-config-1] sbatch_option_partition: is not a key of this section, most likely sbatch_options_<option> misspelt: it is ignored",
        }));
    }

    [Test]
    public void A_key_like_no_known_one_is_a_notice()
    {
        using var install = new HpcInstall();
        install.Replace("sbatch_substr=", "partition=debug\nsbatch_substr=");

        Assert.That(install.Lines(), Is.EqualTo(new[] { $"{install.MainCfg}:24: notice: [hpc-config-1] partition: is not a key of this section: it is ignored" }));
    }

    [Test]
    public void Keys_read_elsewhere_than_the_settings_are_known()
    {
        using var install = new HpcInstall();
        install.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-1\nnested_outputs=false\nremote_cleanup=true\ncontainer_command=apptainer");
        install.Replace("sbatch_substr=", "sbatch_options_mail-type=END,FAIL\nssh_command_timeout=60\nsbatch_substr=");

        Assert.That(install.Lines(), Is.Empty);
    }

    [Test]
    public void A_threshold_that_is_not_a_number_is_an_error_at_its_line()
    {
        using var install = new HpcInstall();
        install.Replace("preview_max_pixels=820800", "preview_max_pixels=lots");

        Assert.That(install.Lines(), Is.EqualTo(new[] { $"{install.MainCfg}:7: error: [HPC] preview_max_pixels: must be a non-negative integer, found \"lots\"" }));
    }

    [Test]
    public void A_configuration_section_that_does_not_exist_is_an_error_at_the_key_naming_it()
    {
        using var install = new HpcInstall();
        install.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-9");

        Assert.That(install.Lines(), Is.EqualTo(new[] { $"{install.MainCfg}:10: error: [HPC] fullres_conf: [hpc-config-9] section is missing ([HPC] fullres_conf names it)" }));
    }

    [Test]
    public void A_confId_naming_no_section_is_an_error_at_the_service_confId_line()
    {
        using var install = new HpcInstall();
        install.WriteService("serviceType = HPC", "serviceProvider = otbcli_BandMath", "confId = HPC_big");

        Assert.That(install.Lines(), Is.EqualTo(new[] { $"{install.ServiceFile}:5: error: confId: [HPC_big] is not a section of main.cfg: the service cannot run" }));
    }

    [Test]
    public void An_HPC_service_without_serviceProvider_is_an_error()
    {
        using var install = new HpcInstall();
        install.WriteService("serviceType = HPC");

        Assert.That(install.Lines(), Is.EqualTo(new[] { $"{install.ServiceFile}:1: error: serviceProvider: is missing: an HPC service needs the command to run on the cluster" }));
    }

    [Test]
    public void A_missing_job_script_footer_is_an_error_at_its_key()
    {
        using var install = new HpcInstall();
        File.Delete(Path.Combine(install.Root, "footer.sh"));

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:22: error: [hpc-config-1] jobscript_footer: {install.Root}/footer.sh does not exist: "
            + "every job script gets ZOO's placeholder instead, and FinalizeHPC is not called when a job ends",
        }));
    }

    [Test]
    public void A_job_script_header_the_web_server_user_cannot_read_is_an_error()
    {
        using var install = new HpcInstall();
        File.SetUnixFileMode(Path.Combine(install.Root, "header.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var stranger = new UserAccount("stranger", 4_000_001, 4_000_001, new HashSet<uint> { 4_000_001 });

        var lines = install.Lines(access: new UserAccessRights(stranger));

        Assert.That(lines, Does.Contain($"{install.MainCfg}:20: error: [hpc-config-1] jobscript_header: stranger cannot read {install.Root}/header.sh: "
                                        + "every job script gets ZOO's placeholder instead"));
    }

    [Test]
    public void A_missing_private_key_is_an_error_at_ssh_key()
    {
        using var install = new HpcInstall();
        File.Delete(Path.Combine(install.Root, "id_ed25519"));

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:16: error: [hpc-config-1] ssh_key: {install.Root}/id_ed25519 does not exist: the kernel cannot log in to the cluster "
            + "(ssh_key names the public key; the private one is the same path without .pub)",
        }));
    }

    [Test]
    public void A_missing_known_hosts_file_is_an_error_at_its_key()
    {
        using var install = new HpcInstall();
        File.Delete(Path.Combine(install.Root, "known_hosts"));

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:17: error: [hpc-config-1] ssh_known_hosts: {install.Root}/known_hosts does not exist: "
            + "the cluster's host key cannot be checked, so no connection is made",
        }));
    }

    [Test]
    public void Without_HPC_service_nor_HPC_section_nothing_of_HPC_is_checked()
    {
        using var install = new HpcInstall();
        install.MainText = install.MainText[..install.MainText.IndexOf("[HPC]", StringComparison.Ordinal)];
        File.Delete(install.ServiceFile);

        Assert.That(install.Lines(), Is.Empty);
    }

    [Test]
    public void The_HPC_section_is_checked_without_any_HPC_service_since_DeployOnHpc_uses_it()
    {
        using var install = new HpcInstall();
        File.Delete(install.ServiceFile);
        install.Replace("remote_work_path=/home/zoo/work\n", "");

        Assert.That(install.Lines(), Is.EqualTo(new[]
        {
            $"{install.MainCfg}:12: error: [hpc-config-1] remote_work_path: is missing: the remote directory for job scripts and logs",
        }));
    }
}
