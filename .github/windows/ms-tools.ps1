# Microsoft's own VSS tools against vss4j, on the Windows runner (docs/windows-ci.md says what each check shows and
# what has not been verified yet). Run from the repository root after `mvnw install -DskipTests` and the contract
# suite (which compiles integration-tests' test classes).
#
#   1. A persistent shadow copy made by `vss` is listed by `vshadow -q`, and is gone after `vss snapshot delete`.
#   2. The Java example writer (LogWriterService) is listed by `vssadmin list writers` and backed up by BETest; the
#      copy BETest made is a clean log, and the writer froze for it.
#   3. `vss` backs up the VSS Test Writer (vswriter.exe) and its own writer checks pass; the Test Writer reports no
#      failure, and the files read from the shadow copy are the originals.
#
# A tool the runner's Windows SDK does not provide is reported with a ::warning line and its check is skipped.
# Every external process has a deadline (below). Exit code: 1 if any check failed, else 0.

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# The deadlines, in seconds. Every wait below uses one of them, each its own, so their sum bounds the script: a poll
# may overrun its deadline by the one bounded query it has started, and that query has a constant of its own.
# ContractTimeoutsTest checks that the sum, plus a margin, fits the ms-tools step's timeout-minutes in
# .github/workflows/windows.yml, and that no wait here has a literal deadline.
$DeadlineClasspath = 300              # mvnw dependency:build-classpath
$DeadlineCreatePersistent = 300       # vss snapshot create --persistent
$DeadlineVshadowQuery = 60            # vshadow -q
$DeadlineDelete = 120                 # vss snapshot delete
$DeadlineGonePoll = 120               # polling vshadow -q until the shadow copy is gone
$DeadlineGoneQuery = 60               # one vshadow -q of that poll
$DeadlineReady = 90                   # LogWriterService printing READY
$DeadlineLogWriterListedPoll = 60     # polling vssadmin list writers for the Java writer
$DeadlineLogWriterListedQuery = 60    # one vssadmin list writers of that poll
$DeadlineBetest = 600                 # betest /B
$DeadlineLogCheck = 60                # LogWriterService check
$DeadlineServiceStop = 60             # LogWriterService stopping after its standard input closes
$DeadlineReaderFree = 10              # a pending read of its output ending once it has stopped
$DeadlineTestWriterListedPoll = 60    # polling vssadmin list writers for the VSS Test Writer
$DeadlineTestWriterListedQuery = 60   # one vssadmin list writers of that poll
$DeadlineTestWriterBackup = 600       # vss snapshot create --include-writer (the Test Writer)
$DeadlineTestWriterExit = 30          # vswriter.exe ending after it is stopped

$Repo = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$Out = Join-Path $Repo 'ms-tools-out'                      # logs, uploaded as an artifact
$Work = 'C:\vss4j-ci'                                      # on C:, the volume shadow-copied; long names only
$Vss = Join-Path $Repo 'vss-requester-cli\target\vss.cmd'
$Java = Join-Path $env:JAVA_HOME 'bin\java.exe'
$LogWriterId = '5b0c1c5e-7d5a-4c44-9b2f-0e4a2b7c9d11'     # LogWriter.WRITER_ID
$LogWriterName = 'vss4j Orders Log Writer'                # LogWriter.NAME
$TestWriterId = '5affb034-969f-4919-8875-88f830d0ef89'    # the VSS Test Writer (BETest Tool page, BetestSample.xml)

$Failures = [System.Collections.Generic.List[string]]::new()
$Skipped = [System.Collections.Generic.List[string]]::new()

function Pass([string]$check, [string]$what) { Write-Host "::notice title=${check}::$what" }
function Fail([string]$check, [string]$what) { Write-Host "::error title=${check}::$what"; $Failures.Add("${check}: $what") }
function Skip([string]$check, [string]$why) { Write-Host "::warning title=${check}::skipped: $why"; $Skipped.Add("${check}: $why") }

$SdkPlaces = 'Windows Kits\10\bin\<version>\x64[\vsstools], Windows Kits\10\bin\x64 or Windows Kits\8.1\bin\x64, under Program Files (x86) or Program Files'

# The tool's path, or $null: first in the newest versioned Windows 10/11 SDK that has it, then in the unversioned
# Windows Kits\10\bin\x64 and in Windows Kits\8.1\bin\x64 (where the VSS Test Writer Tool page places the tools), each
# under Program Files (x86) and Program Files.
function Find-SdkTool([string]$name) {
    $roots = @(@(${env:ProgramFiles(x86)}, $env:ProgramFiles) | Where-Object { $_ } | Select-Object -Unique)
    $dirs = [System.Collections.Generic.List[string]]::new()
    foreach ($root in $roots) {
        $bin = Join-Path $root 'Windows Kits\10\bin'
        if (Test-Path $bin) {
            $versions = @(Get-ChildItem $bin -Directory | Where-Object { $_.Name -match '^\d+(\.\d+){3}$' } |
                Sort-Object { [version]$_.Name } -Descending)
            foreach ($v in $versions) {
                $dirs.Add((Join-Path $v.FullName 'x64\vsstools'))
                $dirs.Add((Join-Path $v.FullName 'x64'))
            }
        }
    }
    foreach ($root in $roots) {
        $dirs.Add((Join-Path $root 'Windows Kits\10\bin\x64'))
        $dirs.Add((Join-Path $root 'Windows Kits\8.1\bin\x64'))
    }
    foreach ($dir in $dirs) {
        $candidate = Join-Path $dir $name
        if (Test-Path $candidate) { return $candidate }
    }
    return $null
}

# Runs a program to its end within $seconds, its output in $log (and echoed); its exit code.
function Invoke-Bounded([string]$file, [string]$arguments, [int]$seconds, [string]$log) {
    Write-Host "> $file $arguments"
    $p = Start-Process -FilePath $file -ArgumentList $arguments -NoNewWindow -PassThru `
        -RedirectStandardOutput $log -RedirectStandardError "$log.err"
    $null = $p.Handle   # keeps the exit code readable after the process ends
    if (-not $p.WaitForExit($seconds * 1000)) {
        # The whole tree: a .cmd runs its program (java.exe for vss.cmd) as a child of cmd.exe, and that child holds
        # what matters (a shadow copy set in creation); stopping cmd.exe alone would leave it running.
        $p.Kill($true)
        Get-Content $log, "$log.err" -ErrorAction SilentlyContinue | Write-Host
        throw "$file $arguments did not finish within $seconds s"
    }
    $p.WaitForExit()
    Get-Content $log, "$log.err" | Write-Host
    return $p.ExitCode
}

# Polls $condition (a script block) with a short back-off until it is true or $seconds have passed; whether it held.
function Wait-Until([scriptblock]$condition, [int]$seconds) {
    $deadline = (Get-Date).AddSeconds($seconds)
    $pause = 100
    while ($true) {
        if (& $condition) { return $true }
        if ((Get-Date) -ge $deadline) { return $false }
        Start-Sleep -Milliseconds $pause
        $pause = [Math]::Min($pause * 2, 2000)
    }
}

# The names and SHA-256 hashes of the files in $dir, as one string ('' if there is no such directory).
function Get-Hashes([string]$dir) {
    if (-not (Test-Path $dir)) { return '' }
    return (@(Get-ChildItem $dir -File | Sort-Object Name | ForEach-Object { "$($_.Name)=$((Get-FileHash $_.FullName).Hash)" }) -join ';')
}

# Whether vssadmin list writers, run within $seconds (it waits for every writer to answer), lists $pattern.
function Test-WriterListed([string]$pattern, [string]$log, [int]$seconds) {
    $null = Invoke-Bounded 'vssadmin.exe' 'list writers' $seconds $log
    return [bool](Select-String -Path $log -Pattern $pattern -SimpleMatch -Quiet)
}

Set-Location $Repo
New-Item -ItemType Directory -Force $Out, $Work | Out-Null
if (-not (Test-Path $Vss)) { throw "$Vss is missing: run ./mvnw.cmd install -DskipTests first" }
Write-Host "Windows SDK tools: vshadow=$(Find-SdkTool 'vshadow.exe') betest=$(Find-SdkTool 'betest.exe') vswriter=$(Find-SdkTool 'vswriter.exe')"

# ---------------------------------------------------------------------------------------------------------------
# 1. vshadow -q lists a persistent shadow copy that vss made.
# ---------------------------------------------------------------------------------------------------------------
$check = 'vshadow lists a persistent vss shadow copy'
try {
    $vshadow = Find-SdkTool 'vshadow.exe'
    if (-not $vshadow) {
        Skip $check "vshadow.exe is not in the runner's Windows SDK ($SdkPlaces)"
    } else {
        $log = Join-Path $Out 'vss-create-persistent.txt'
        $code = Invoke-Bounded $Vss 'snapshot create C:\ --persistent' $DeadlineCreatePersistent $log
        $match = Select-String -Path $log -Pattern 'shadow copy \{([0-9a-fA-F-]{36})\}' | Select-Object -First 1
        if ($code -ne 0 -or -not $match) {
            Fail $check "vss snapshot create --persistent exited $code without a shadow copy id (see $log)"
        } else {
            $id = $match.Matches[0].Groups[1].Value
            try {
                $q = Join-Path $Out 'vshadow-q.txt'
                $null = Invoke-Bounded $vshadow '-q' $DeadlineVshadowQuery $q
                if (Select-String -Path $q -Pattern $id -SimpleMatch -Quiet) {
                    Pass $check "vshadow -q lists {$id}, made by vss snapshot create --persistent"
                } else {
                    Fail $check "vshadow -q does not list {$id} (see $q)"
                }
            } finally {
                $code = Invoke-Bounded $Vss "snapshot delete $id" $DeadlineDelete (Join-Path $Out 'vss-delete.txt')
                if ($code -ne 0) { Fail $check "vss snapshot delete $id exited $code" }
                # The service deletes on its own time: polled for, with a deadline.
                $gone = Wait-Until {
                    $null = Invoke-Bounded $vshadow '-q' $DeadlineGoneQuery (Join-Path $Out 'vshadow-q-after.txt')
                    -not (Select-String -Path (Join-Path $Out 'vshadow-q-after.txt') -Pattern $id -SimpleMatch -Quiet)
                } $DeadlineGonePoll
                if (-not $gone) { Fail $check "vshadow -q still lists {$id} $DeadlineGonePoll s after vss snapshot delete" }
            }
        }
    }
} catch {
    Fail $check "stopped: $($_.Exception.Message)"
}

# ---------------------------------------------------------------------------------------------------------------
# 2. The Java example writer: listed by vssadmin, backed up by BETest.
# ---------------------------------------------------------------------------------------------------------------
$check = 'BETest backs up the Java example writer'
try {
    $betest = Find-SdkTool 'betest.exe'
    $cpFile = Join-Path $Out 'integration-tests.classpath'
    # includeScope is the dependency plugin's own property name (outputFile's is mdep.outputFile); test scope takes
    # every dependency the test classes run with.
    $cpLog = Join-Path $Out 'mvnw-build-classpath.txt'
    $mvnCode = Invoke-Bounded (Join-Path $Repo 'mvnw.cmd') "-q -B -f `"$(Join-Path $Repo 'pom.xml')`" -pl integration-tests dependency:build-classpath `"-Dmdep.outputFile=$cpFile`" -DincludeScope=test" $DeadlineClasspath $cpLog
    if ($mvnCode -ne 0 -or -not (Test-Path $cpFile)) {
        Fail $check "cannot build the test classpath of integration-tests (mvnw exited $mvnCode, see $cpLog)"
    } else {
        $classpath = (Join-Path $Repo 'integration-tests\target\test-classes') + ';' + (Get-Content -Raw $cpFile).Trim()
        $logDir = Join-Path $Work 'orders'
        $psi = [System.Diagnostics.ProcessStartInfo]::new($Java)
        foreach ($a in @('-Dvss4j.provider=windows', '-cp', $classpath, 'org.vss4j.examples.logwriter.LogWriterService',
                'run', $logDir)) { $psi.ArgumentList.Add($a) }
        $psi.UseShellExecute = $false
        $psi.RedirectStandardInput = $true       # closing it stops the service
        $psi.RedirectStandardOutput = $true      # its READY and STOPPED lines; its log goes to stderr, i.e. here
        $service = [System.Diagnostics.Process]::Start($psi)
        $stopped = $null
        $ready = $null
        try {
            $ready = $service.StandardOutput.ReadLineAsync()
            if (-not $ready.Wait($DeadlineReady * 1000) -or -not $ready.Result -or -not $ready.Result.StartsWith('READY')) {
                throw "LogWriterService did not report READY within $DeadlineReady s"
            }
            Write-Host $ready.Result
            $listed = Wait-Until {
                Test-WriterListed $LogWriterName (Join-Path $Out 'vssadmin-writers-logwriter.txt') $DeadlineLogWriterListedQuery
            } $DeadlineLogWriterListedPoll
            if ($listed) { Pass 'vssadmin lists the Java writer' "vssadmin list writers shows '$LogWriterName'" }
            else { Fail 'vssadmin lists the Java writer' "'$LogWriterName' is not in vssadmin list writers" }

            if (-not $betest) {
                Skip $check "betest.exe is not in the runner's Windows SDK ($SdkPlaces)"
            } else {
                $dest = Join-Path $Work 'betest-logwriter'
                New-Item -ItemType Directory -Force $dest | Out-Null
                $select = Join-Path $Work 'betest-logwriter.xml'
                # The BETest Tool page's /X format (BetestSample.xml): the writer by class id, the component by name.
                @(
                    '<BETest>',
                    "    <Writer writerid=`"$LogWriterId`">",
                    '        <Component componentName="orders-log">',
                    '        </Component>',
                    '    </Writer>',
                    '</BETest>'
                ) -join "`r`n" | Out-File -Encoding ascii $select
                $log = Join-Path $Out 'betest-logwriter.txt'
                $code = Invoke-Bounded $betest "/B /T FULL /S `"$(Join-Path $Out 'betest-logwriter-bcd.xml')`" /D `"$dest`" /X `"$select`"" $DeadlineBetest $log
                $copy = Get-ChildItem $dest -Recurse -Filter 'orders.log' -File | Select-Object -First 1
                if ($code -ne 0) {
                    Fail $check "betest /B exited $code (see $log)"
                } elseif (-not $copy) {
                    Fail $check "betest /B copied no orders.log into $dest (see $log)"
                } else {
                    $checkLog = Join-Path $Out 'logwriter-check.txt'
                    $ok = Invoke-Bounded $Java "-cp `"$classpath`" org.vss4j.examples.logwriter.LogWriterService check `"$($copy.FullName)`"" $DeadlineLogCheck $checkLog
                    if ($ok -eq 0) { Pass $check "BETest copied $($copy.FullName), a clean log ($(Get-Content $checkLog))" }
                    else { Fail $check "the log BETest copied is not clean: $(Get-Content $checkLog)" }
                }
            }
        } finally {
            $service.StandardInput.Close()
            $exited = $service.WaitForExit($DeadlineServiceStop * 1000)
            if (-not $exited) {
                $service.Kill($true)
                Fail $check "LogWriterService did not stop within $DeadlineServiceStop s of its standard input closing"
            }
            # A ReadLineAsync still pending (no READY in time) owns the reader: ReadToEnd would throw "stream in use"
            # and hide the failure above. The read ends once the service's output closes; it is waited for, bounded.
            $readerFree = $true
            if ($ready -and -not $ready.IsCompleted) {
                try { $readerFree = $ready.Wait($DeadlineReaderFree * 1000) } catch { $readerFree = $false }
            }
            if ($exited -and -not $readerFree) {
                Fail $check "the output of LogWriterService was still in use $DeadlineReaderFree s after it stopped"
            } elseif ($exited) {
                $stopped = $service.StandardOutput.ReadToEnd()
                Write-Host $stopped
                if ($service.ExitCode -ne 0) { Fail $check "LogWriterService exited $($service.ExitCode): $stopped" }
            }
        }
        if ($betest -and $stopped -and $stopped -notmatch 'holds=[1-9]') {
            Fail $check "the Java writer never froze during BETest's backup: $stopped"
        }
    }
} catch {
    Fail $check "stopped: $($_.Exception.Message)"
}

# ---------------------------------------------------------------------------------------------------------------
# 3. vss backs up the VSS Test Writer.
# ---------------------------------------------------------------------------------------------------------------
$check = 'vss backs up the VSS Test Writer'
try {
    $vswriter = Find-SdkTool 'vswriter.exe'
    if (-not $vswriter) {
        Skip $check "vswriter.exe is not in the runner's Windows SDK ($SdkPlaces)"
    } else {
        $data = Join-Path $Work 'testwriter-data'
        $copy = Join-Path $Work 'testwriter-copy'
        New-Item -ItemType Directory -Force $data | Out-Null
        1..3 | ForEach-Object { "vss4j test writer file $_ $(Get-Date -Format o)" | Out-File -Encoding utf8 (Join-Path $data "file$_.txt") }
        $config = Join-Path $Work 'vswriter-config.xml'
        # The VSS Test Writer Tool page's configuration (VswriterSample.xml), verbosity "low": only failures of the writer
        # or incorrect behaviour of the requester are printed.
        @(
            '<TestWriter usage="USER_DATA" verbosity="low" deleteFiles="no">',
            '    <RestoreMethod method="RESTORE_IF_CAN_BE_REPLACED" writerRestore="always" rebootRequired="no" />',
            '    <Component componentType="filegroup" componentName="vss4jTestFiles">',
            "        <ComponentFile path=`"$data`" filespec=`"*`" recursive=`"no`" />",
            '    </Component>',
            '</TestWriter>'
        ) -join "`r`n" | Out-File -Encoding ascii $config
        # vss --exec runs this while the shadow copy exists; VSS_SHADOW_PATH is a directory that reads the shadow copy.
        $copyScript = Join-Path $Work 'copy-testwriter.cmd'
        "@xcopy `"%VSS_SHADOW_PATH%\vss4j-ci\testwriter-data`" `"$copy`" /E /I /Y" | Out-File -Encoding ascii $copyScript
        $writerLog = Join-Path $Out 'vswriter.txt'
        $writer = Start-Process -FilePath $vswriter -ArgumentList "`"$config`"" -NoNewWindow -PassThru `
            -RedirectStandardOutput $writerLog -RedirectStandardError "$writerLog.err"
        try {
            $listed = Wait-Until {
                Test-WriterListed $TestWriterId (Join-Path $Out 'vssadmin-writers-testwriter.txt') $DeadlineTestWriterListedQuery
            } $DeadlineTestWriterListedPoll
            if (-not $listed) {
                Fail $check "the VSS Test Writer {$TestWriterId} is not in vssadmin list writers $DeadlineTestWriterListedPoll s after it started"
            } else {
                $log = Join-Path $Out 'vss-testwriter.txt'
                $code = Invoke-Bounded $Vss "snapshot create C:\ --include-writer $TestWriterId --type FULL --exec `"$copyScript`"" $DeadlineTestWriterBackup $log
                $involved = Select-String -Path $log -Pattern "{$TestWriterId}" -SimpleMatch -Quiet
                # Identical files show the copy is complete, not that it came from the shadow copy: nothing changes
                # $data while the shadow copy exists, so the live volume would read the same (docs/windows-ci.md).
                $same = (Get-Hashes $data) -and ((Get-Hashes $data) -eq (Get-Hashes $copy))
                if ($code -ne 0) { Fail $check "vss snapshot create exited $code (see $log)" }
                elseif (-not $involved) { Fail $check "vss did not involve the Test Writer {$TestWriterId} (see $log)" }
                elseif (-not $same) { Fail $check "the files read from the shadow copy into $copy differ from $data" }
                else { Pass $check 'vss backed up the VSS Test Writer; its status checks passed and the copy is identical' }
            }
        } finally {
            # The Test Writer stops on CTRL+C; it holds no state worth a graceful stop here.
            Stop-Process -Id $writer.Id -Force -ErrorAction SilentlyContinue
            $null = $writer.WaitForExit($DeadlineTestWriterExit * 1000)
        }
        $complaints = Get-Content $writerLog, "$writerLog.err" -ErrorAction SilentlyContinue |
            Where-Object { $_ -match '(?i)\b(fail(ed|ure|s)?|error|incorrect|invalid)\b' }
        if ($complaints) { Fail $check "the VSS Test Writer reported: $($complaints -join ' | ')" }
    }
} catch {
    Fail $check "stopped: $($_.Exception.Message)"
}

# ---------------------------------------------------------------------------------------------------------------
# The work directory holds only plain files and directories; should anything in it be a link, a junction or a mounted
# folder, it is left alone rather than deleted through.
$links = @(Get-ChildItem $Work -Recurse -Force -Attributes ReparsePoint -ErrorAction SilentlyContinue)
if ($links.Count -gt 0) {
    Write-Host "::warning title=cleanup::$Work is left in place: it holds reparse points ($($links.FullName -join ', '))"
} else {
    Remove-Item -Recurse -Force $Work -ErrorAction SilentlyContinue
}
$summary = "ms-tools: $($Failures.Count) failed, $($Skipped.Count) skipped"
if ($env:GITHUB_STEP_SUMMARY) {
    @("### Microsoft's VSS tools against vss4j", '', $summary, '') + ($Failures | ForEach-Object { "- failed: $_" }) +
        ($Skipped | ForEach-Object { "- skipped: $_" }) | Out-File -Append -Encoding utf8 $env:GITHUB_STEP_SUMMARY
}
Write-Host $summary
if ($Failures.Count -gt 0) { exit 1 }
exit 0
