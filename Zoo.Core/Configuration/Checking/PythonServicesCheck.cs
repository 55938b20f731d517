using System.Diagnostics;
using Zoo.Core.Processes.Python;

namespace Zoo.Core.Configuration.Checking;

/// <summary>
/// What the Python services need: <c>[python] interpreter</c>, runnable by the web server's user, and each service's
/// module (its serviceProvider) where the kernel has it imported from: the service's directory, <c>[env] PYTHONPATH</c>,
/// servicePath, libPath, else where the interpreter itself imports from (asked once, only when a module is not found
/// in the kernel's directories).
/// </summary>
public sealed class PythonServicesCheck : IConfigCheck
{
    private static readonly TimeSpan InterpreterTimeout = TimeSpan.FromSeconds(15);

    public async Task CheckAsync(CheckContext context, FindingList findings, CancellationToken cancellationToken)
    {
        var services = context.Services.Where(s => string.Equals(s.Process.ServiceType, "Python", StringComparison.OrdinalIgnoreCase)).ToList();
        if (services.Count == 0)
            return;
        var interpreter = PythonSettings.From(context.Config).Interpreter;
        var runnable = CheckInterpreter(context, findings, interpreter);
        IReadOnlyList<string>? interpreterPath = null;
        foreach (var service in services)
        {
            var module = PythonRunner.ModuleName(service.Process);
            if (module.Contains('/') || module.Contains("..", StringComparison.Ordinal))
                continue; // a path, reported by ServiceTypesCheck
            var directories = PythonRunner.SearchPath(service.Entry.Directory, context.Config.Environment["PYTHONPATH"],
                context.Config.Main["servicePath"], context.Config.Main["libPath"]).ToList();
            if (Locate(module, directories) is { } file)
            {
                if (!context.Access.CanRead(file))
                    findings.Error(service.At("serviceProvider"), $"{context.Access.UserName} cannot read {file}");
                continue;
            }
            interpreterPath ??= runnable ? await InterpreterPathAsync(context, interpreter, cancellationToken) : [];
            if (Locate(module, interpreterPath) is null)
                findings.Error(service.At("serviceProvider"),
                    $"no Python module {module} in {string.Join(", ", directories)}, nor where {interpreter} imports from: every Execute of the service fails");
        }
    }

    private static bool CheckInterpreter(CheckContext context, FindingList findings, string interpreter)
    {
        var place = context.InMain("python", "interpreter");
        var path = Path.IsPathRooted(interpreter) ? interpreter : OnPath(interpreter);
        if (path is null || !File.Exists(path))
        {
            findings.Error(place, $"{interpreter} does not exist: every Python service fails");
            return false;
        }
        if (!context.Access.CanExecute(path))
        {
            findings.Error(place, $"{context.Access.UserName} cannot run {interpreter}: every Python service fails");
            return false;
        }
        return true;
    }

    private static string? OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, program))
        .FirstOrDefault(File.Exists);

    /// <summary>The file or package directory of a (dotted) module in the first directory that has it, as Python finds it.</summary>
    private static string? Locate(string module, IEnumerable<string> directories)
    {
        var parts = module.Split('.');
        foreach (var directory in directories)
        {
            var parent = Path.Combine([directory, .. parts[..^1]]);
            var name = parts[^1];
            var stem = Path.Combine(parent, name);
            foreach (var candidate in new[] { stem + ".py", Path.Combine(stem, "__init__.py"), stem + ".pyc" })
            {
                if (File.Exists(candidate))
                    return candidate;
            }
            if (Directory.Exists(stem))
                return stem;
            if (Directory.Exists(parent)
                && Directory.EnumerateFiles(parent, name + ".*so").FirstOrDefault() is { } extension)
                return extension;
        }
        return null;
    }

    /// <summary>The interpreter's own sys.path, with the environment the kernel gives services; empty when it cannot say.</summary>
    private static async Task<IReadOnlyList<string>> InterpreterPathAsync(CheckContext context, string interpreter, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(interpreter)
        {
            ArgumentList = { "-c", "import sys\nfor p in sys.path:\n    print(p)" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        foreach (var (key, value) in context.Config.Environment)
            start.Environment[key] = value;
        try
        {
            using var process = Process.Start(start)!;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(InterpreterTimeout);
            var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
            _ = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return [];
            }
            return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }
}
