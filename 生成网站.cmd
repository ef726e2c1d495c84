@echo off
rem Double-click: build the site into the site folder, ready to publish.
rem See guide\ (the editing guide). Kept ASCII on purpose: see scripts\windows\launch.cmd.
call "%~dp0scripts\windows\launch.cmd" build
