using Zoo.Core.Processes.Otb;
using Zoo.Hpc.Remote;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Slurm;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Slurm;

public class JobScriptTests
{
    private const string Usid = "3f0c5d2e-1b2a-4c3d-9e8f-0a1b2c3d4e5f";
    private const string Output = "/home/zoo/data/output_BandMath_out_" + Usid + ".tif";

    private static readonly HpcService BandMath = new("BandMath", ["otbcli_BandMath"], null, "HPC");

    private static JobScriptRequest Request(
        HpcService? service = null,
        IReadOnlyList<OtbInput>? inputs = null,
        IReadOnlyList<SbatchOption>? options = null,
        JobScriptParts? parts = null) =>
        new(service ?? BandMath,
            Usid,
            inputs ??
            [
                new OtbInput("il", ["/home/zoo/data/input_1.tif", "/home/zoo/data/input_2.tif"]),
                new OtbInput("exp", ["im1b1*2"]),
            ],
            [new OtbOutput("out", Output, "float")],
            options ?? [],
            parts ?? JobScriptParts.None);

    [Test]
    public void Without_configured_parts_the_script_has_ZOO_default_markers()
    {
        var script = JobScript.Compose(Request());

        Assert.That(script, Is.EqualTo($$"""
            #!/bin/bash

            ### *** Default ZOO-Service HEADER *** ###

            #SBATCH --job-name=ZOO-Project_{{Usid}}_BandMath


            ### *** Default ZOO-Service BODY *** ###



            echo "Job started at: $(date)"
            echo 'Running service: [otbcli_BandMath]'
            ZOO_SERVICE_STATUS=0
            'otbcli_BandMath' '-il' '/home/zoo/data/input_1.tif' '/home/zoo/data/input_2.tif' '-exp' 'im1b1*2' '-out' '{{Output}}' 'float' || ZOO_SERVICE_STATUS=$?
            echo "Job finished at: $(date)"
            ### *** Default ZOO-Service FOOTER (no footer found) *** ###

            exit $ZOO_SERVICE_STATUS

            """));
    }

    [Test]
    public void Configured_parts_options_and_modules_are_written_in_ZOO_order()
    {
        var parts = new JobScriptParts(
            ScriptPart.Of("#!/bin/bash\n#SBATCH --partition=debug"),
            ScriptPart.Of("module load otb\n"),
            ScriptPart.Of("curl -s \"http://zoo/cgi-bin/zoo_loader.cgi?request=Execute&identifier=FinalizeHPC&DataInputs=jobid=%s\""));
        var service = BandMath with { HpcModules = "otb/9.0" };

        var script = JobScript.Compose(Request(service,
            options: [new SbatchOption("workdir", "/home/zoo/work"), new SbatchOption("ntasks", "4")], parts: parts));

        Assert.That(script, Is.EqualTo($$"""
            #!/bin/bash
            #SBATCH --partition=debug
            ### --- ZOO-Service HEADER end --- ###

            #SBATCH --workdir=/home/zoo/work
            #SBATCH --ntasks=4
            #SBATCH --job-name=ZOO-Project_{{Usid}}_BandMath

            #SBATCH --export=MODULES=otb/9.0
            module load otb

            ### --- ZOO-Service BODY end --- ###



            echo "Job started at: $(date)"
            echo 'Running service: [otbcli_BandMath]'
            ZOO_SERVICE_STATUS=0
            'otbcli_BandMath' '-il' '/home/zoo/data/input_1.tif' '/home/zoo/data/input_2.tif' '-exp' 'im1b1*2' '-out' '{{Output}}' 'float' || ZOO_SERVICE_STATUS=$?
            echo "Job finished at: $(date)"
            curl -s "http://zoo/cgi-bin/zoo_loader.cgi?request=Execute&identifier=FinalizeHPC&DataInputs=jobid={{Usid}}"
            ### --- ZOO-Service FOOTER end --- ###

            exit $ZOO_SERVICE_STATUS

            """));
    }

    [Test]
    public void Configured_parts_that_cannot_be_read_leave_ZOO_failure_markers()
    {
        using var directory = new TempDirectory();
        var missing = directory.PathOf("missing.sh");
        var parts = JobScriptParts.Load(new JobScriptFiles(missing, missing, missing));

        var script = JobScript.Compose(Request(parts: parts));

        Assert.That(script, Is.EqualTo($$"""
            #!/bin/bash

            ### *** Default ZOO-Service HEADER (no header found) *** ###

            #SBATCH --job-name=ZOO-Project_{{Usid}}_BandMath


            ### *** Default ZOO-Service BODY (no body found) *** ###



            echo "Job started at: $(date)"
            echo 'Running service: [otbcli_BandMath]'
            ZOO_SERVICE_STATUS=0
            'otbcli_BandMath' '-il' '/home/zoo/data/input_1.tif' '/home/zoo/data/input_2.tif' '-exp' 'im1b1*2' '-out' '{{Output}}' 'float' || ZOO_SERVICE_STATUS=$?
            echo "Job finished at: $(date)"
            ### *** Default ZOO-Service FOOTER (footer file failed to load) *** ###

            exit $ZOO_SERVICE_STATUS

            """));
    }

    [Test]
    public void Parts_are_read_from_their_files()
    {
        using var directory = new TempDirectory();
        var header = directory.Write("header.sh", "#!/bin/bash\n");

        var parts = JobScriptParts.Load(new JobScriptFiles(header, null, null));

        Assert.That(parts, Is.EqualTo(new JobScriptParts(ScriptPart.Of("#!/bin/bash\n"), ScriptPart.NotConfigured, ScriptPart.NotConfigured)));
    }

    [Test]
    public void Inputs_come_before_outputs_and_an_output_without_pixel_type_has_only_its_path()
    {
        var request = Request(inputs: [new OtbInput("in", ["/d/a.tif"])]) with { Outputs = [new OtbOutput("out", "/d/o.tif")] };

        Assert.That(JobScript.CommandArguments(request), Is.EqualTo(new[] { "otbcli_BandMath", "-in", "/d/a.tif", "-out", "/d/o.tif" }));
    }

    [Test]
    public void An_entry_point_command_is_quoted_word_by_word()
    {
        var service = BandMath with { Command = ["singularity", "exec", "otbtf.sif", "/opt/otbtf/bin/otbcli_BandMath"] };

        var script = JobScript.Compose(Request(service));

        Assert.That(script, Does.Contain("echo 'Running service: [singularity exec otbtf.sif /opt/otbtf/bin/otbcli_BandMath]'\n"));
        Assert.That(script, Does.Contain("\n'singularity' 'exec' 'otbtf.sif' '/opt/otbtf/bin/otbcli_BandMath' '-il' "));
    }

    [Test]
    public void The_script_and_its_command_line_are_valid_shell()
    {
        using var directory = new TempDirectory();
        var request = Request(inputs: [new OtbInput("exp", ["im1b1\"; touch pwned; echo \"", "it's", "$(id)", "a\nb"])]);
        var script = directory.Write("job.sh", JobScript.Compose(request));
        var command = directory.Write("command.sh", ShellQuote.Join(JobScript.CommandArguments(request)) + "\n");

        var scriptCheck = Shell.CheckSyntax(script);
        var commandCheck = Shell.CheckSyntax(command);

        Assert.That(scriptCheck.ExitCode, Is.Zero, scriptCheck.Stderr);
        Assert.That(commandCheck.ExitCode, Is.Zero, commandCheck.Stderr);
    }

    [Test]
    public void A_hostile_input_value_reaches_the_application_as_one_literal_argument()
    {
        using var directory = new TempDirectory();
        var pwned = directory.PathOf("pwned");
        string[] hostile = [$"im1b1\"; touch {pwned}; echo \"", $"$(touch {pwned})", $"`touch {pwned}`", $"'; touch {pwned}; '"];
        // The application prints each of its arguments on its own line.
        var printer = BandMath with { Command = ["printf", "%s\\n"] };
        var script = directory.Write("job.sh", JobScript.Compose(Request(printer, inputs: [new OtbInput("exp", hostile)])));

        var result = Shell.Script(script);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var lines = result.Stdout.Split('\n');
        var arguments = lines[(Array.IndexOf(lines, "-exp") + 1)..Array.IndexOf(lines, "-out")];
        Assert.That(arguments, Is.EqualTo(hostile));
        Assert.That(File.Exists(pwned), Is.False, "an input value ran a command");
    }

    [Test]
    public void The_script_exits_with_the_application_status_after_running_the_footer()
    {
        using var directory = new TempDirectory();
        var failing = BandMath with { Command = ["sh", "-c", "exit 3"] };
        var parts = JobScriptParts.None with { Footer = ScriptPart.Of("echo \"footer ran for %s\"") };
        var script = directory.Write("job.sh", JobScript.Compose(Request(failing, parts: parts)));

        var result = Shell.Script(script);

        Assert.That(result.ExitCode, Is.EqualTo(3));
        Assert.That(result.Stdout, Does.Contain($"footer ran for {Usid}\n"));
    }

    [Test]
    public void The_footer_still_runs_when_the_header_sets_errexit()
    {
        using var directory = new TempDirectory();
        var failing = BandMath with { Command = ["false"] };
        var parts = new JobScriptParts(ScriptPart.Of("#!/bin/sh\nset -e"), ScriptPart.NotConfigured, ScriptPart.Of("echo footer ran"));
        var script = directory.Write("job.sh", JobScript.Compose(Request(failing, parts: parts)));

        var result = Shell.Script(script);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Does.Contain("footer ran\n"));
    }

    [Test]
    public void A_successful_application_makes_a_successful_script()
    {
        using var directory = new TempDirectory();
        var script = directory.Write("job.sh", JobScript.Compose(Request(BandMath with { Command = ["true"] })));

        var result = Shell.Script(script);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
    }

    [TestCase("curl .../FinalizeHPC?jobid=%s", "curl .../FinalizeHPC?jobid=U1")]
    [TestCase("%s %s %s %s", "U1 U1 U1 U1")]
    [TestCase("100%% done", "100% done")]
    [TestCase("date +%d %", "date +%d %")]
    public void The_footer_gets_the_usid_for_each_percent_s(string footer, string expected)
    {
        Assert.That(JobScript.SubstituteUsid(footer, "U1"), Is.EqualTo(expected));
    }

    [Test]
    public void A_line_break_in_an_sbatch_directive_is_refused()
    {
        var service = BandMath with { HpcModules = "otb\ntouch /tmp/pwned" };

        Assert.Throws<ArgumentException>(() => JobScript.Compose(Request(service)));
    }

    [TestCase("")]
    [TestCase("abc; touch pwned")]
    [TestCase("$(id)")]
    public void A_usid_that_is_not_a_plain_token_is_refused(string usid)
    {
        Assert.Throws<ArgumentException>(() => JobScript.Compose(Request() with { Usid = usid }));
    }

    [Test]
    public void The_job_name_and_file_name_follow_ZOO()
    {
        Assert.That(JobScript.JobName(Usid, "BandMath"), Is.EqualTo($"ZOO-Project_{Usid}_BandMath"));
        Assert.That(JobScript.FileName("BandMath", Usid), Is.EqualTo($"zoo_BandMath_{Usid}.sh"));
    }
}
