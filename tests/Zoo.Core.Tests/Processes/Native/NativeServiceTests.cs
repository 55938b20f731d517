using System.Runtime.InteropServices;
using Zoo.Core.Processes;
using Zoo.Core.Processes.Native;
using Zoo.Core.Tests.TestSupport;
using Zoo.Tests.Tools;

namespace Zoo.Core.Tests.Processes.Native;

/// <summary>
/// ZOO's maps in native memory, checked from both sides: the managed structs have service.h's layout, and a
/// .so built here with gcc against the tests' own header reads what the marshaller wrote and writes what it reads.
/// </summary>
[TestFixture]
public sealed class NativeServiceTests
{
    private const string Source = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include "zoo_service.h"

        static maps *named(maps *list, const char *name) {
          for (; list; list = list->next) if (strcmp(list->name, name) == 0) return list;
          return NULL;
        }
        static map *key(map *list, const char *name) {
          for (; list; list = list->next) if (strcmp(list->name, name) == 0) return list;
          return NULL;
        }

        /* Result = the input's bytes, of its size, reversed; Count = the conf sections and input keys it saw. */
        int Reverse(maps **conf, maps **inputs, maps **outputs) {
          maps *data = named(*inputs, "data");
          long size = atol(key(data->content, "size")->value);
          char *value = key(data->content, "value")->value;
          map *result = key(named(*outputs, "Result")->content, "value");
          free(result->value);
          result->value = malloc(size + 1);
          for (long i = 0; i < size; i++) result->value[i] = value[size - 1 - i];
          map *length = calloc(1, sizeof(map));
          length->name = strdup("size");
          length->value = malloc(32);
          snprintf(length->value, 32, "%ld", size);
          result->next = length;
          int sections = 0, keys = 0;
          for (maps *m = *conf; m; m = m->next) sections++;
          for (map *k = data->content; k; k = k->next) keys++;
          char *said = malloc(64);
          snprintf(said, 64, "%d sections, %d keys", sections, keys);
          map *message = key(named(*conf, "lenv")->content, "message");
          free(message->value);
          message->value = said;
          return SERVICE_SUCCEEDED;
        }

        /* Replaces the whole outputs list by one it built: the caller reads what the pointer points at after. */
        int Replace(maps **conf, maps **inputs, maps **outputs) {
          (void)conf; (void)inputs;
          maps *fresh = calloc(1, sizeof(maps));
          fresh->name = strdup("Other");
          fresh->content = calloc(1, sizeof(map));
          fresh->content->name = strdup("value");
          fresh->content->value = strdup("new list");
          *outputs = fresh;
          return SERVICE_FAILED;
        }
        """;

    private TempDirectory _directory = null!;
    private string _library = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _directory = new TempDirectory();
        var source = _directory.Write("reverse.c", Source);
        _library = Path.Combine(_directory.Path, "reverse.zo");
        var header = Path.Combine(RepositoryRoot.Find(), "tests", "Zoo.Integration.Tests", "Native");
        ExternalTool.Check("gcc", ["-Wall", "-Werror", "-shared", "-fPIC", "-I", header, "-o", _library, source], "gcc");
    }

    [OneTimeTearDown]
    public void Remove() => _directory.Dispose();

    private static ZooMaps Maps(string name, params (string Key, MapValue Value)[] pairs)
    {
        var maps = new ZooMaps();
        var map = maps.GetOrAdd(name);
        foreach (var (key, value) in pairs)
            map[key] = value;
        return maps;
    }

    private NativeCallResult Call(string function, ZooMaps inputs)
    {
        var conf = Maps("main", ("tmpPath", "/tmp"));
        conf.GetOrAdd("lenv")["message"] = "none";
        return new NativeService(_library, function).Call(conf, inputs, Maps("Result", ("value", "placeholder")));
    }

    [Test]
    public void A_map_is_name_value_next_pointers()
    {
        Assert.That(new[] { Marshal.OffsetOf<NativeMap>("Name"), Marshal.OffsetOf<NativeMap>("Value"), Marshal.OffsetOf<NativeMap>("Next"), Marshal.SizeOf<NativeMap>() },
            Is.EqualTo(new nint[] { 0, 8, 16, 24 }));
    }

    [Test]
    public void A_maps_is_name_content_child_next_pointers()
    {
        Assert.That(new[] { Marshal.OffsetOf<NativeMaps>("Name"), Marshal.OffsetOf<NativeMaps>("Content"), Marshal.OffsetOf<NativeMaps>("Child"), Marshal.OffsetOf<NativeMaps>("Next"), Marshal.SizeOf<NativeMaps>() },
            Is.EqualTo(new nint[] { 0, 8, 16, 24, 32 }));
    }

    [Test]
    public void Binary_input_reaches_the_service_with_its_size_and_its_binary_output_comes_back()
    {
        var result = Call("Reverse", Maps("data", ("value", new BytesValue([1, 0, 2, 0xff]))));

        Assert.That(((BytesValue)result.Outputs["Result"]!["value"]!).Bytes, Is.EqualTo(new byte[] { 0xff, 2, 0, 1 }));
    }

    [Test]
    public void The_service_sees_every_conf_section_and_the_size_key_added_to_binary_input()
    {
        var result = Call("Reverse", Maps("data", ("value", new BytesValue([1, 2]))));

        Assert.That(result.Conf["lenv"]!.Text("message"), Is.EqualTo("2 sections, 2 keys"));
    }

    [Test]
    public void The_code_the_service_returns_is_given_back()
    {
        var result = Call("Reverse", Maps("data", ("value", new BytesValue([7]))));

        Assert.That(result.Code, Is.EqualTo(RunOutcome.Succeeded));
    }

    [Test]
    public void Outputs_replaced_by_the_service_are_read_from_where_the_pointer_points_after_the_call()
    {
        var result = Call("Replace", new ZooMaps());

        Assert.That(result.Outputs.Select(o => (o.Key, o.Value.Text("value"))), Is.EqualTo(new[] { ("Other", (string?)"new list") }));
    }

    [Test]
    public void A_list_value_is_given_as_ZOO_array_keys_with_its_length()
    {
        var result = Call("Reverse", Maps("data", ("value", new ListValue([new BytesValue([1]), new TextValue("b")])), ("size", "1")));

        Assert.That(result.Conf["lenv"]!.Text("message"), Is.EqualTo("2 sections, 4 keys"));
    }

    [Test]
    public void A_missing_function_is_reported_as_ZOO_reports_it()
    {
        var result = Call("NoSuchFunction", new ZooMaps());

        Assert.That(result.Failure, Does.StartWith("Error occurred while running the NoSuchFunction function:"));
    }
}
