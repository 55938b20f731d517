using System.Diagnostics;
using System.Xml.Linq;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Execute;

/// <summary>
/// Python services that misbehave — print on stdout, raise, exit, hang, return garbage — cannot
/// spoil the CGI's answer: it is a clean document or a clean ExceptionReport, in bounded time.
/// </summary>
[TestFixture]
public sealed class PythonServiceRobustnessTests
{
    private static readonly XNamespace Wps10 = "http://www.opengis.net/wps/1.0.0";

    private ServiceDirectory _services = null!;

    [OneTimeSetUp]
    public void WriteServices()
    {
        _services = ServiceDirectory.CopyOf(RepositoryPaths.CgiEnv);
        _services.SetConfig("python", "timeout", "2");
        Add("Noisy", """
            import os
            import subprocess
            import sys
            import zoo

            def Noisy(conf, inputs, outputs):
                print("NOISE from print")
                sys.stdout.write("NOISE from sys.stdout\n")
                sys.stdout.flush()
                os.write(1, b"NOISE written to fd 1\n")
                sys.__stdout__.write("NOISE from sys.__stdout__\n")
                sys.__stdout__.flush()
                subprocess.run(["/bin/echo", "NOISE from a child process"], check=False)
                outputs["Result"]["value"] = "quiet result"
                return zoo.SERVICE_SUCCEEDED
            """);
        Add("Raiser", """
            import zoo

            def Raiser(conf, inputs, outputs):
                raise ValueError("the raiser service raised on purpose")
            """);
        Add("Exiter", """
            import sys

            def Exiter(conf, inputs, outputs):
                sys.exit(3)
            """);
        Add("HardExiter", """
            import os

            def HardExiter(conf, inputs, outputs):
                os._exit(3)
            """);
        Add("Hanger", """
            import os
            import time

            def Hanger(conf, inputs, outputs):
                with open(os.path.join(conf["main"]["tmpPath"], "hanger.pid"), "w") as f:
                    f.write(str(os.getpid()))
                time.sleep(120)
                outputs["Result"]["value"] = "woke up"
                return 3
            """);
        Add("Garbage", """
            def Garbage(conf, inputs, outputs):
                outputs["Result"]["value"] = "looks fine"
                return "3"
            """);
        Add("BadImport", """
            import no_such_module_anywhere

            def BadImport(conf, inputs, outputs):
                return 3
            """);
    }

    [OneTimeTearDown]
    public void RemoveServices() => _services.Dispose();

    private void Add(string name, string python)
    {
        var module = name.ToLowerInvariant() + "_service";
        _services.Write(name + ".zcfg", RobustnessServices.Zcfg(name, module));
        _services.Write(module + ".py", python);
    }

    private CgiResult Run(string name, string rest = "&ResponseDocument=Result") =>
        CgiProcess.Get(_services.Path, Kvp(name, "x=1", rest));

    [Test]
    public void Output_printed_by_a_service_does_not_reach_the_answer()
    {
        var result = Run("Noisy");

        Assert.That(result.Text, Does.Not.Contain("NOISE"));
    }

    [Test]
    public void A_service_printing_on_stdout_still_gets_its_result_in_a_clean_document()
    {
        var result = Run("Noisy");

        var value = XDocument.Parse(result.Text).Descendants(Wps10 + "LiteralData").SingleOrDefault()?.Value;
        Assert.That(value, Is.EqualTo("quiet result"), result.Text);
    }

    [Test]
    public void A_service_printing_on_stdout_gets_a_schema_valid_document()
    {
        SchemaValidator.AssertValid(Run("Noisy"));
    }

    [Test]
    public void A_raw_output_of_a_noisy_service_is_exactly_its_value()
    {
        var result = Run("Noisy", "&RawDataOutput=Result");

        Assert.That(result.Text, Is.EqualTo("quiet result"));
    }

    [Test]
    public void A_service_that_raises_is_reported_as_ZOO_reports_a_Python_error()
    {
        var result = Run("Raiser");

        Assert.That(OwsReport.Text(result), Does.StartWith("Unable to run your python process properly"), result.Text);
    }

    [Test]
    public void The_report_of_a_raising_service_carries_the_exception()
    {
        var result = Run("Raiser");

        Assert.That(OwsReport.Text(result), Does.Contain("ValueError: the raiser service raised on purpose"), result.Text);
    }

    [Test]
    public void The_report_of_a_raising_service_is_schema_valid()
    {
        SchemaValidator.AssertValid(Run("Raiser"));
    }

    [Test]
    public void A_service_calling_sys_exit_is_reported_as_a_Python_error()
    {
        var result = Run("Exiter");

        Assert.That(new[] { result.Status, OwsReport.Code(result) }, Is.EqualTo(new[] { "500 Internal Server Error", "NoApplicableCode" }), result.Text);
    }

    [Test]
    public void The_report_of_a_service_calling_sys_exit_names_SystemExit()
    {
        var result = Run("Exiter");

        Assert.That(OwsReport.Text(result), Does.StartWith("Unable to run your python process properly").And.Contain("SystemExit"), result.Text);
    }

    [Test]
    public void A_service_that_kills_its_interpreter_is_reported_not_crashed_on()
    {
        var result = Run("HardExiter");

        Assert.That(new[] { result.Status, OwsReport.Code(result) }, Is.EqualTo(new[] { "500 Internal Server Error", "NoApplicableCode" }), result.Text);
    }

    [Test]
    public void A_service_that_hangs_is_stopped_after_the_configured_timeout()
    {
        var clock = Stopwatch.StartNew();

        var result = Run("Hanger");

        clock.Stop();
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)), result.Text);
    }

    [Test]
    public void A_service_that_hangs_is_reported_as_not_finished()
    {
        var result = Run("Hanger");

        Assert.That(new[] { OwsReport.Code(result), OwsReport.Text(result) },
            Is.EqualTo(new[] { "NoApplicableCode", "The service Hanger did not finish within 2 seconds." }), result.Text);
    }

    [Test]
    public void A_service_that_hangs_is_killed()
    {
        var pidFile = Path.Combine(_services.TmpPath, "hanger.pid");
        File.Delete(pidFile);

        Run("Hanger");

        var pid = File.ReadAllText(pidFile).Trim();
        var ended = SpinWait.SpinUntil(() => !IsRunning(pid), TimeSpan.FromSeconds(10));
        Assert.That(ended, Is.True, $"python process {pid} still runs");
    }

    [Test]
    public void A_service_returning_a_string_is_a_failure_not_a_success()
    {
        var result = Run("Garbage");

        Assert.That(new[] { result.Status, OwsReport.Code(result) }, Is.EqualTo(new[] { "500 Internal Server Error", "NoApplicableCode" }), result.Text);
    }

    [Test]
    public void The_report_of_a_service_returning_garbage_says_what_it_returned()
    {
        var result = Run("Garbage");

        Assert.That(OwsReport.Text(result), Does.Contain("str"), result.Text);
    }

    [Test]
    public void A_module_that_cannot_be_imported_is_reported_as_ZOO_does()
    {
        var result = Run("BadImport");

        Assert.That(OwsReport.Text(result), Does.StartWith("Python module badimport_service cannot be loaded. Message: "), result.Text);
    }

    /// <summary>Alive and not a zombie (a killed child left to an init that does not reap counts as ended).</summary>
    private static bool IsRunning(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
