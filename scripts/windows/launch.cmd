@echo off
rem Shared by the double-click launchers in the project folder. Usage: launch.cmd ACTION
rem ACTION: install, edit, preview, check or build.
rem
rem Keep this file ASCII: cmd.exe reads a batch file in the console's code page (936 on a
rem Chinese Windows), where UTF-8 text could break a line. Chinese messages come from Python,
rem or from the UTF-8 .txt files next to this one, shown after switching the console to UTF-8.
setlocal
chcp 65001 >nul
pushd "%~dp0..\.." || goto fail
set "PY=%CD%\.venv\Scripts\python.exe"
set "TEXTS=%~dp0"
if /i "%~1"=="install" goto install
if not exist "%PY%" goto notinstalled
if /i "%~1"=="edit" goto edit
if /i "%~1"=="preview" goto preview
if /i "%~1"=="check" goto check
if /i "%~1"=="build" goto build
echo Unknown action: %1
goto fail

:install
if exist "%PY%" goto packages
set "BASE="
py -3.11 -c "pass" >nul 2>&1 && set "BASE=py -3.11"
if not defined BASE py -3 -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>&1 && set "BASE=py -3"
if not defined BASE python -c "import sys; sys.exit(sys.version_info < (3, 11))" >nul 2>&1 && set "BASE=python"
if not defined BASE (
  type "%TEXTS%no-python.txt"
  goto fail
)
%BASE% -m venv .venv || goto fail
:packages
"%PY%" -m pip install --disable-pip-version-check -r requirements.txt || goto pipfailed
type "%TEXTS%installed.txt"
goto done

:edit
"%PY%" -m showcase edit
if errorlevel 1 goto fail
goto end

:preview
"%PY%" -m mkdocs serve --dirty --open
if errorlevel 1 goto fail
goto end

:check
"%PY%" -m showcase check
goto done

:build
"%PY%" -m mkdocs build
if errorlevel 1 goto fail
type "%TEXTS%built.txt"
goto done

:notinstalled
type "%TEXTS%not-installed.txt"
goto fail

:pipfailed
type "%TEXTS%pip-failed.txt"
goto fail

:fail
echo.
pause
popd
exit /b 1

:done
echo.
pause
:end
popd
exit /b 0
