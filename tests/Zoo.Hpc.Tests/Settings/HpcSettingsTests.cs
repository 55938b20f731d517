using Zoo.Core.Configuration;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Settings;

public class HpcSettingsTests
{
    // docker/hpgc/main.cfg's shape, with our host key and timeout keys on the fullres section.
    private const string Full = """
        [main]
        tmpPath=/tmp/zoo

        [HPC]
        preview_max_pixels=820800
        preview_max_features=100000
        preview_conf=hpc-config-2
        fullres_conf=hpc-config-1

        [hpc-config-1]
        ssh_host=cluster.example.org
        ssh_port=2222
        ssh_user=zoo
        ssh_key=/var/www/.ssh/id_rsa.pub
        ssh_known_hosts=/etc/zoo/known_hosts
        ssh_host_key_fingerprint=SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8
        ssh_connect_timeout=10
        ssh_command_timeout=60
        remote_data_path=/home/zoo/data
        remote_persistent_data_path=/home/zoo/shared
        remote_work_path=/home/zoo/work
        jobscript_header=/etc/zoo/header.sh
        jobscript_body=/etc/zoo/body.sh
        jobscript_footer=/etc/zoo/footer.sh
        sbatch_options_workdir=/home/zoo/work
        SBATCH_OPTIONS_ntasks=4
        sbatch_options_mail-type=END,FAIL
        sbatch_substr=Submitted batch job 
        billing_nb_cpu=4
        remote_command_opt=JobID%30,State%30

        [hpc-config-2]
        ssh_host=cluster.example.org
        ssh_user=zoo
        ssh_password=secret
        remote_data_path=/home/zoo/data
        remote_work_path=/home/zoo/work
        """;

    private static ConfigurationException LoadFails(string text, string? confId = null) =>
        Assert.Throws<ConfigurationException>(() => HpcSettings.Load(Configs.Parse(text), confId))!;

    [Test]
    public void The_confId_section_gives_thresholds_and_both_configurations()
    {
        var settings = HpcSettings.Load(Configs.Parse(Full));

        Assert.Multiple(() =>
        {
            Assert.That(settings.ConfId, Is.EqualTo("HPC"));
            Assert.That(settings.Thresholds, Is.EqualTo(new PreviewThresholds(820800, 100000)));
            Assert.That(settings.Preview.SectionName, Is.EqualTo("hpc-config-2"));
            Assert.That(settings.Fullres.SectionName, Is.EqualTo("hpc-config-1"));
        });
    }

    [Test]
    public void Every_key_of_a_configuration_section_is_read()
    {
        var fullres = HpcSettings.Load(Configs.Parse(Full)).Fullres;

        Assert.Multiple(() =>
        {
            Assert.That(fullres.Ssh.Host, Is.EqualTo("cluster.example.org"));
            Assert.That(fullres.Ssh.Port, Is.EqualTo(2222));
            Assert.That(fullres.Ssh.User, Is.EqualTo("zoo"));
            Assert.That(fullres.Ssh.Credentials, Is.EqualTo(new KeyFileCredentials("/var/www/.ssh/id_rsa", "/var/www/.ssh/id_rsa.pub")));
            Assert.That(fullres.Ssh.HostKey, Is.EqualTo(new HostKeyVerification(
                "/etc/zoo/known_hosts", "nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8")));
            Assert.That(fullres.Ssh.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(fullres.CommandTimeout, Is.EqualTo(TimeSpan.FromSeconds(60)));
            Assert.That(fullres.RemoteDataPath, Is.EqualTo("/home/zoo/data"));
            Assert.That(fullres.RemotePersistentDataPath, Is.EqualTo("/home/zoo/shared"));
            Assert.That(fullres.RemoteWorkPath, Is.EqualTo("/home/zoo/work"));
            Assert.That(fullres.JobScript, Is.EqualTo(new JobScriptFiles("/etc/zoo/header.sh", "/etc/zoo/body.sh", "/etc/zoo/footer.sh")));
            Assert.That(fullres.SbatchSubstr, Is.EqualTo("Submitted batch job"), "the ini reader trims the trailing blank, as ZOO's does");
            Assert.That(fullres.BillingNbCpu, Is.EqualTo("4"));
            Assert.That(fullres.RemoteCommandOpt, Is.EqualTo("JobID%30,State%30"));
        });
    }

    [Test]
    public void Sbatch_options_keep_file_order_and_the_name_as_written_whatever_the_prefix_case()
    {
        var options = HpcSettings.Load(Configs.Parse(Full)).Fullres.SbatchOptions;

        Assert.That(options, Is.EqualTo(new[]
        {
            new SbatchOption("workdir", "/home/zoo/work"),
            new SbatchOption("ntasks", "4"),
            new SbatchOption("mail-type", "END,FAIL"),
        }));
    }

    [Test]
    public void Optional_keys_take_their_defaults()
    {
        var preview = HpcSettings.Load(Configs.Parse(Full)).Preview;

        Assert.Multiple(() =>
        {
            Assert.That(preview.Ssh.Port, Is.EqualTo(22));
            Assert.That(preview.Ssh.HostKey, Is.EqualTo(new HostKeyVerification(null, null)));
            Assert.That(preview.Ssh.ConnectTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(preview.CommandTimeout, Is.EqualTo(TimeSpan.FromSeconds(300)));
            Assert.That(preview.RemotePersistentDataPath, Is.Null);
            Assert.That(preview.JobScript, Is.EqualTo(new JobScriptFiles(null, null, null)));
            Assert.That(preview.SbatchOptions, Is.Empty);
            Assert.That(preview.SbatchSubstr, Is.Null);
            Assert.That(preview.BillingNbCpu, Is.EqualTo("1"));
            Assert.That(preview.RemoteCommandOpt, Is.Null);
            Assert.That(preview.Ssh.KeyExchangeAlgorithms, Is.Null);
        });
    }

    [Test]
    public void The_key_exchange_algorithms_are_read_in_order_without_blanks()
    {
        var text = Full.Replace("ssh_connect_timeout=10", "ssh_connect_timeout=10\nssh_kex_algorithms= sntrup761x25519-sha512 ,curve25519-sha256,");

        var fullres = HpcSettings.Load(Configs.Parse(text)).Fullres;

        Assert.That(fullres.Ssh.KeyExchangeNames, Is.EqualTo(new[] { "sntrup761x25519-sha512", "curve25519-sha256" }));
    }

    [Test]
    public void A_key_exchange_algorithm_ssh_net_does_not_implement_is_refused_by_name()
    {
        var error = LoadFails(Full.Replace("ssh_connect_timeout=10", "ssh_connect_timeout=10\nssh_kex_algorithms=curve25519-sha256,sntrup4591761x25519-sha512@tinyssh.org"));

        Assert.That(error.Message, Does.Contain("[hpc-config-1] ssh_kex_algorithms names sntrup4591761x25519-sha512@tinyssh.org, which SSH.NET does not implement"));
    }

    [Test]
    public void Two_sections_that_reach_the_cluster_alike_share_a_connection()
    {
        var text = Full.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-3") + """

            [hpc-config-3]
            ssh_host=cluster.example.org
            ssh_user=zoo
            ssh_password=secret
            remote_data_path=/home/zoo/big-data
            remote_work_path=/home/zoo/big-work
            sbatch_options_ntasks=16
            """;

        var settings = HpcSettings.Load(Configs.Parse(text));

        Assert.That(settings.Fullres.ReachesLike(settings.Preview), Is.True);
    }

    [Test]
    public void Sections_that_log_in_differently_do_not_share_a_connection()
    {
        var settings = HpcSettings.Load(Configs.Parse(Full));

        Assert.That(settings.Fullres.ReachesLike(settings.Preview), Is.False);
    }

    [Test]
    public void A_password_is_used_rather_than_a_key_as_ZOO_does()
    {
        var text = Full.Replace("ssh_password=secret", "ssh_password=secret\nssh_key=/k/id_rsa.pub");

        var preview = HpcSettings.Load(Configs.Parse(text)).Preview;

        Assert.That(preview.Ssh.Credentials, Is.EqualTo(new PasswordCredentials("secret")));
    }

    [Test]
    public void The_password_never_appears_in_the_settings_text()
    {
        var settings = HpcSettings.Load(Configs.Parse(Full));

        Assert.That(settings.ToString(), Does.Not.Contain("secret"));
    }

    [Test]
    public void The_zcfg_confId_selects_another_section()
    {
        var text = Full.Replace("[HPC]", "[HPC_big]");

        var settings = HpcSettings.Load(Configs.Parse(text), "HPC_big");

        Assert.That(settings.ConfId, Is.EqualTo("HPC_big"));
    }

    [Test]
    public void A_missing_confId_section_is_named()
    {
        var error = LoadFails(Full, "HPC_other");

        Assert.That(error.Message, Does.Contain("[HPC_other] section is missing"));
    }

    [Test]
    public void A_missing_required_key_names_its_section_and_key()
    {
        var error = LoadFails(Full.Replace("ssh_host=cluster.example.org\nssh_port=2222", "ssh_port=2222"));

        Assert.That(error.Message, Does.Contain("[hpc-config-1] ssh_host is missing"));
        Assert.That(error.Message, Does.StartWith("/etc/zoo/main.cfg"));
    }

    [Test]
    public void Every_missing_key_is_reported_in_one_error()
    {
        // remote_work_path is the last line of the file.
        var text = Full[..Full.LastIndexOf("remote_work_path=", StringComparison.Ordinal)]
            .Replace("preview_max_features=100000\n", "")
            .Replace("ssh_user=zoo\nssh_password", "ssh_password");

        var error = LoadFails(text);

        Assert.That(error.Message, Does.Contain("[HPC] preview_max_features is missing"));
        Assert.That(error.Message, Does.Contain("[hpc-config-2] ssh_user is missing"));
        Assert.That(error.Message, Does.Contain("[hpc-config-2] remote_work_path is missing"));
    }

    [Test]
    public void A_broken_fullres_section_is_reported_even_if_preview_is_fine()
    {
        var error = LoadFails(Full.Replace("remote_data_path=/home/zoo/data\nremote_persistent", "remote_persistent"));

        Assert.That(error.Message, Does.Contain("[hpc-config-1] remote_data_path is missing"));
    }

    [TestCase("preview_conf=hpc-config-2", "preview_conf=hpc-config-9", "[hpc-config-9] section is missing ([HPC] preview_conf names it)")]
    [TestCase("fullres_conf=hpc-config-1", "fullres_conf=nowhere", "[nowhere] section is missing ([HPC] fullres_conf names it)")]
    public void A_configuration_section_that_does_not_exist_is_named(string line, string replacement, string expected)
    {
        var error = LoadFails(Full.Replace(line, replacement));

        Assert.That(error.Message, Does.Contain(expected));
    }

    [TestCase("preview_max_pixels=820800", "preview_max_pixels=lots")]
    [TestCase("preview_max_pixels=820800", "preview_max_pixels=-5")]
    [TestCase("preview_max_features=100000", "preview_max_features=1e5")]
    public void A_threshold_that_is_not_a_number_is_refused(string line, string replacement)
    {
        var key = replacement[..replacement.IndexOf('=')];

        var error = LoadFails(Full.Replace(line, replacement));

        Assert.That(error.Message, Does.Contain($"[HPC] {key} must be a non-negative integer"));
    }

    [Test]
    public void Without_password_or_key_the_section_cannot_authenticate()
    {
        var error = LoadFails(Full.Replace("ssh_password=secret\n", ""));

        Assert.That(error.Message, Does.Contain("[hpc-config-2] ssh_key is missing"));
    }

    [TestCase("0")]
    [TestCase("65536")]
    [TestCase("ssh")]
    public void A_port_out_of_range_is_refused(string port)
    {
        var error = LoadFails(Full.Replace("ssh_port=2222", "ssh_port=" + port));

        Assert.That(error.Message, Does.Contain("[hpc-config-1] ssh_port must be an integer from 1 to 65535"));
    }

    [TestCase("ssh_connect_timeout=10", "ssh_connect_timeout=0")]
    [TestCase("ssh_command_timeout=60", "ssh_command_timeout=soon")]
    public void A_timeout_that_is_not_a_positive_number_of_seconds_is_refused(string line, string replacement)
    {
        var key = replacement[..replacement.IndexOf('=')];

        var error = LoadFails(Full.Replace(line, replacement));

        Assert.That(error.Message, Does.Contain($"[hpc-config-1] {key} must be an integer"));
    }

    [TestCase("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48")]
    [TestCase("SHA256:tooshort")]
    [TestCase("nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8")]
    public void A_fingerprint_not_in_OpenSSH_SHA256_form_is_refused(string fingerprint)
    {
        var error = LoadFails(Full.Replace("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8", fingerprint));

        Assert.That(error.Message, Does.Contain("[hpc-config-1] ssh_host_key_fingerprint must be a SHA-256 fingerprint"));
    }

    [Test]
    public void The_documented_misspelling_of_the_persistent_path_is_accepted()
    {
        var text = Full.Replace("remote_persistent_data_path", "remote_persitent_data_path");

        var fullres = HpcSettings.Load(Configs.Parse(text)).Fullres;

        Assert.That(fullres.RemotePersistentDataPath, Is.EqualTo("/home/zoo/shared"));
    }

    [Test]
    public void The_correct_spelling_wins_over_the_misspelling()
    {
        var text = Full.Replace("remote_persistent_data_path=/home/zoo/shared",
            "remote_persitent_data_path=/old\nremote_persistent_data_path=/home/zoo/shared");

        var fullres = HpcSettings.Load(Configs.Parse(text)).Fullres;

        Assert.That(fullres.RemotePersistentDataPath, Is.EqualTo("/home/zoo/shared"));
    }

    [Test]
    public void An_sbatch_option_without_a_name_is_refused()
    {
        var error = LoadFails(Full.Replace("sbatch_options_workdir=", "sbatch_options_="));

        Assert.That(error.Message, Does.Contain("[hpc-config-1] sbatch_options_ names no sbatch option"));
    }

    [Test]
    public void One_section_named_for_both_resolutions_is_read_once()
    {
        var settings = HpcSettings.Load(Configs.Parse(Full.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-2")));

        Assert.That(settings.Fullres, Is.SameAs(settings.Preview));
    }

    [Test]
    public void Without_container_command_deploy_on_hpc_looks_for_the_program_on_the_cluster()
    {
        var settings = HpcSettings.Load(Configs.Parse(Full));

        Assert.That(settings.ContainerCommand, Is.Null);
    }

    [Test]
    public void The_container_command_is_read_from_the_confId_section()
    {
        var settings = HpcSettings.Load(Configs.Parse(Full.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-1\ncontainer_command=/opt/apptainer/bin/apptainer")));

        Assert.That(settings.ContainerCommand, Is.EqualTo("/opt/apptainer/bin/apptainer"));
    }

    [Test]
    public void A_container_command_of_several_words_is_refused()
    {
        var error = LoadFails(Full.Replace("fullres_conf=hpc-config-1", "fullres_conf=hpc-config-1\ncontainer_command=module load singularity"));

        Assert.That(error.Message, Does.Contain("[HPC] container_command must be one program"));
    }
}
